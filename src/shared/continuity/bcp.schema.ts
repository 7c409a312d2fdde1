// The BCP grid and drills (PRODUCT.md capability 8; seed 004 「BCP:緊急時・
// 無電化時・停止時の3段階運用」, seed 000 V.6.2): requests and responses of
// /api/v1/bcp, /api/v1/bcp-scenarios and /api/v1/bcp-drills.
import { z } from 'zod';
import { CatalogItemIdSchema } from '../catalog/catalog.schema.ts';
import { businessDate, IdSchema, int4, text, VersionSchema, updateRequestOf } from '../schemas/common.schema.ts';
import { ExportFormatSchema } from '../schemas/export.schema.ts';
import { MINUTES_MAX } from './backup.schema.ts';
import { BCP_MODES, SCENARIO_STATUSES } from './bcp.rules.ts';

export const CELL_STANDINGS = ['unplanned', 'draft', 'approved', 'exercised'] as const;

export const CreateBcpScenarioRequestSchema = z.strictObject({
  mode: z.enum(BCP_MODES),
  disasterTypeId: CatalogItemIdSchema.max(200),
  response: text(4000),
  /** The department that carries the response out, by name (a new name becomes a department); null for none. */
  ownerDepartment: text(100).nullable().default(null),
  status: z.enum(SCENARIO_STATUSES).default('draft'),
});
export type TCreateBcpScenarioRequest = z.input<typeof CreateBcpScenarioRequestSchema>;

export const UpdateBcpScenarioRequestSchema = z.strictObject({
  response: text(4000).optional(),
  ownerDepartment: text(100).nullable().optional(),
  status: z.enum(SCENARIO_STATUSES).optional(),
  version: VersionSchema,
});

export const BcpScenarioSchema = z.object({
  id: IdSchema,
  mode: z.enum(BCP_MODES),
  disasterTypeId: z.string(),
  response: z.string(),
  ownerDepartment: z.object({ id: IdSchema, name: z.string() }).nullable(),
  status: z.enum(SCENARIO_STATUSES),
  version: z.number().int(),
  can: z.object({ update: z.boolean(), delete: z.boolean() }),
});
export type TBcpScenario = z.infer<typeof BcpScenarioSchema>;

const drillFields = {
  title: text(200),
  heldOn: businessDate(),
  mode: z.enum(BCP_MODES),
  disasterTypeId: CatalogItemIdSchema.max(200),
  participants: int4(0, 100_000).nullable(),
  /** How long it took to get back to the minimum operation, as measured in the drill. */
  recoveryMinutes: int4(0, MINUTES_MAX).nullable(),
  /** What the drill found, one finding a line; each becomes a corrective action's title. */
  findings: z.array(text(200)).max(30),
  notes: text(4000, 0),
};

export const CreateBcpDrillRequestSchema = z.strictObject({
  title: drillFields.title,
  heldOn: drillFields.heldOn,
  mode: drillFields.mode,
  disasterTypeId: drillFields.disasterTypeId,
  participants: drillFields.participants.default(null),
  recoveryMinutes: drillFields.recoveryMinutes.default(null),
  findings: drillFields.findings.default([]),
  notes: drillFields.notes.default(''),
});
export type TCreateBcpDrillRequest = z.input<typeof CreateBcpDrillRequestSchema>;

export const UpdateBcpDrillRequestSchema = updateRequestOf(CreateBcpDrillRequestSchema);

export const BcpDrillSchema = z.object({
  id: IdSchema,
  title: z.string(),
  heldOn: z.string(),
  mode: z.enum(BCP_MODES),
  disasterTypeId: z.string(),
  participants: z.number().int().nullable(),
  recoveryMinutes: z.number().int().nullable(),
  findings: z.array(z.string()),
  notes: z.string(),
  /** The corrective actions its findings were opened as, and where each stands. */
  actions: z.array(z.object({ id: IdSchema, title: z.string(), phase: z.string(), dueOn: z.string().nullable(), overdue: z.boolean() })),
  version: z.number().int(),
  updatedAt: z.string(),
  can: z.object({ update: z.boolean(), delete: z.boolean() }),
});
export type TBcpDrill = z.infer<typeof BcpDrillSchema>;

const textPair = z.object({ ja: z.string(), en: z.string() });

export const BcpGridSchema = z.object({
  /** Seed 004's three modes, each with the actions the seed lists for it. */
  modes: z.array(z.object({ mode: z.enum(BCP_MODES), itemId: z.string(), title: textPair, actions: z.array(textPair) })),
  /** Seed 000's five disaster types. */
  disasterTypes: z.array(z.object({ id: z.string(), number: z.number().int(), title: textPair })),
  cells: z.array(z.object({ mode: z.enum(BCP_MODES), disasterTypeId: z.string(), standing: z.enum(CELL_STANDINGS), scenario: BcpScenarioSchema.nullable(), lastDrillOn: z.string().nullable() })),
  drills: z.array(BcpDrillSchema),
  summary: z.object({ cells: z.number().int(), approved: z.number().int(), exercised: z.number().int(), openFindings: z.number().int() }),
  departments: z.array(z.object({ id: IdSchema, name: z.string() })),
  source: z.array(z.string()),
});
export type TBcpGrid = z.infer<typeof BcpGridSchema>;

/** Open the drill's findings as corrective actions, at the version read (a finding with an open action is not opened twice). */
export const OpenDrillFindingsRequestSchema = z.strictObject({ version: VersionSchema });

/** The BCP as a file: CSV and JSON carry one table (the grid's responses or the drills), the workbook both. */
export const BCP_EXPORT_TABLES = ['scenarios', 'drills'] as const;
export const BcpExportQuerySchema = z.strictObject({ format: ExportFormatSchema.default('csv'), table: z.enum(BCP_EXPORT_TABLES).default('scenarios') });
