// The RACI matrix (PRODUCT.md capability 7; seed 004 「RACIモデルによる責任分界」):
// requests and responses of /api/v1/raci-tasks.
import { z } from 'zod';
import { IdSchema, text, updateRequestOf } from '../schemas/common.schema.ts';
import { RACI_CELLS } from './raci.rules.ts';

export const RACI_TITLE_MAX = 200;
/** A department's or role's name, as the organisation's departments hold it. */
export const RACI_DEPARTMENT_MAX = 100;
export const RACI_ASSIGNMENTS_MAX = 40;
export const RACI_WARNINGS = ['noAccountable', 'manyAccountable', 'noResponsible'] as const;

/** A department (by name: a new name becomes one of the organisation's departments) and what it holds in the task. */
export const RaciAssignmentRequestSchema = z.strictObject({ department: text(RACI_DEPARTMENT_MAX), cell: z.enum(RACI_CELLS) });

const assignments = z.array(RaciAssignmentRequestSchema).max(RACI_ASSIGNMENTS_MAX);

export const CreateRaciTaskRequestSchema = z.strictObject({ title: text(RACI_TITLE_MAX), assignments: assignments.default([]) });
export type TCreateRaciTaskRequest = z.input<typeof CreateRaciTaskRequestSchema>;

/** Only the fields sent change; `assignments` replaces the whole row; `version` is the one the client saw (stale → 409). */
export const UpdateRaciTaskRequestSchema = updateRequestOf(CreateRaciTaskRequestSchema);
export type TUpdateRaciTaskRequest = z.input<typeof UpdateRaciTaskRequestSchema>;

export const RaciTaskSchema = z.object({
  id: IdSchema,
  title: z.string(),
  /** The template's task it was started from, with that task's sources; null for the organisation's own. */
  templateItemId: z.string().nullable(),
  source: z.array(z.string()),
  assignments: z.array(z.object({ departmentId: IdSchema, department: z.string(), cell: z.enum(RACI_CELLS) })),
  warnings: z.array(z.enum(RACI_WARNINGS)),
  version: z.number().int(),
  updatedAt: z.string(),
  can: z.object({ update: z.boolean(), delete: z.boolean() }),
});
export type TRaciTask = z.infer<typeof RaciTaskSchema>;

export const RaciMatrixSchema = z.object({
  tasks: z.array(RaciTaskSchema),
  /** The matrix's columns: every department a task names, in the order they first appear. */
  departments: z.array(z.object({ id: IdSchema, name: z.string() })),
  summary: z.object({ tasks: z.number().int(), complete: z.number().int(), withWarnings: z.number().int() }),
  /** Seed 004's template as the organisation has it loaded: how many of its tasks the matrix does not have yet. */
  template: z.object({ name: z.object({ ja: z.string(), en: z.string() }), source: z.array(z.string()), notAdded: z.number().int() }).nullable(),
});
export type TRaciMatrix = z.infer<typeof RaciMatrixSchema>;

/** Add the template's tasks the matrix does not have yet (none twice). */
export const AddRaciTemplateRequestSchema = z.strictObject({});

export const RaciExportQuerySchema = z.strictObject({ format: z.enum(['csv', 'xlsx', 'json']).default('csv') });
