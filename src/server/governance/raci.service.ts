import type { z } from 'zod';
import type { CreateRaciTaskRequestSchema, TRaciMatrix, TRaciTask, UpdateRaciTaskRequestSchema } from '../../shared/governance/raci.schema.ts';
import { cellsFromLists, raciSummary, raciWarnings, type RaciCell } from '../../shared/governance/raci.rules.ts';
import type { TLocale } from '../../shared/schemas/common.schema.ts';
import { loadedCollection, type CatalogItemRow, type LoadedCollection } from '../catalog/catalog.public.ts';
import type { DataContext } from '../platform/db/data-context.ts';
import { HttpProblem } from '../platform/http/problem.ts';
import { departmentKey } from '../platform/orgs/department.rules.ts';
import { departmentsNamed } from '../platform/orgs/department.service.ts';
import type { HistoryEntry } from '../platform/register/register-history.ts';
import { cellsOf, listTasks, nextTaskPosition, raciRegister, replaceCells, type CellRow, type RaciTaskRow } from './raci.repository.ts';

/**
 * The RACI matrix (seed 004 「RACIモデルによる責任分界」: 「各タスクに対して明確な
 * RACIを作成し、ドキュメント化して共有すること」): tasks as rows, the
 * organisation's departments and roles as columns, each row checked for
 * exactly one Accountable and at least one Responsible (raci.rules.ts). The
 * template of the seed is catalog data the matrix starts from.
 */

export const RACI_TEMPLATE_COLLECTION = 'urn:kumoji:seed-004:raci-template';

type Assignment = { department: string; cell: RaciCell };
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** A task as the audit trail keeps it: its title, its template task and its row by department name. */
const auditViewOf = (row: RaciTaskRow, cells: readonly Assignment[]) => ({ ...raciRegister.spec.auditView(row), cells: cells.map((c) => `${c.department}: ${c.cell}`) });

function present(ctx: DataContext, row: RaciTaskRow, cells: readonly CellRow[], sourceOf: (itemId: string) => string[]): TRaciTask {
  return raciRegister.present(ctx, row, (r) => ({
    id: r.id,
    title: r.title,
    templateItemId: r.templateItemId,
    source: r.templateItemId ? sourceOf(r.templateItemId) : [],
    assignments: cells.map((c) => ({ departmentId: c.departmentId, department: c.department, cell: c.cell })),
    warnings: raciWarnings(cells.map((c) => c.cell)),
    version: r.version,
    updatedAt: r.updatedAt.toISOString(),
  }));
}

const readTemplate = (ctx: DataContext): Promise<LoadedCollection | null> => loadedCollection(ctx, RACI_TEMPLATE_COLLECTION);
const sourcesIn = (template: LoadedCollection | null) => (itemId: string) => template?.items.find((i) => i.itemId === itemId)?.source ?? [];

async function presentTasks(ctx: DataContext, rows: readonly RaciTaskRow[], template: LoadedCollection | null): Promise<TRaciTask[]> {
  const cells = await cellsOf(ctx, rows.map((r) => r.id));
  return rows.map((r) => present(ctx, r, cells.filter((c) => c.taskId === r.id), sourcesIn(template)));
}

/** The whole matrix: its rows, its columns (departments in the order they first appear), the summary and what the template still offers. */
export async function matrixOf(ctx: DataContext): Promise<TRaciMatrix> {
  const [rows, template] = await ctx.sideBySide(() => listTasks(ctx), () => readTemplate(ctx));
  const tasks = await presentTasks(ctx, rows, template);
  const columns = new Map<string, string>();
  for (const task of tasks) for (const a of task.assignments) if (!columns.has(a.departmentId)) columns.set(a.departmentId, a.department);
  const added = new Set(rows.map((r) => r.templateItemId).filter(Boolean));
  return {
    tasks,
    departments: [...columns].map(([id, name]) => ({ id, name })),
    summary: raciSummary(tasks.map((t) => t.assignments.map((a) => a.cell))),
    template: template ? { name: template.name, source: template.source, notAdded: template.items.filter((i) => !added.has(i.itemId)).length } : null,
  };
}

/** 400 on each department named twice in one row (names compared as departments are: NFKC, spaces folded). */
function assertOnePerDepartment(assignments: readonly Assignment[]): void {
  const seen = new Set<string>();
  const errors = assignments.flatMap((a, i) => {
    const key = departmentKey(a.department);
    if (seen.has(key)) return [{ path: `assignments.${i}.department`, code: 'raciDepartmentTwice' }];
    seen.add(key);
    return [];
  });
  if (errors.length) throw new HttpProblem(400, 'validation', {}, errors);
}

/** The row's cells with their departments, created when a name is new (in the caller's transaction). */
async function storeCells(ctx: DataContext, taskId: string, assignments: readonly Assignment[]): Promise<Assignment[]> {
  const { byKey } = await departmentsNamed(ctx, assignments.map((a) => a.department));
  const cells = assignments.map((a) => ({ department: byKey.get(departmentKey(a.department))!, cell: a.cell }));
  await replaceCells(ctx, taskId, cells.map((c) => ({ departmentId: c.department.id, cell: c.cell })));
  return cells.map((c) => ({ department: c.department.name, cell: c.cell }));
}

async function taskOf(ctx: DataContext, row: RaciTaskRow): Promise<TRaciTask> {
  const [cells, template] = await ctx.sideBySide(() => cellsOf(ctx, [row.id]), () => (row.templateItemId ? readTemplate(ctx) : Promise.resolve(null)));
  return present(ctx, row, cells, sourcesIn(template));
}

async function insertTask(ctx: DataContext, values: { title: string; templateItemId: string | null }, assignments: readonly Assignment[]): Promise<RaciTaskRow> {
  assertOnePerDepartment(assignments);
  const cells: Assignment[] = [];
  const row = await raciRegister.create(ctx, { ...values, position: await nextTaskPosition(ctx) }, { after: (r) => auditViewOf(r, cells) });
  cells.push(...(await storeCells(ctx, row.id, assignments)));
  return row;
}

export async function createTask(ctx: DataContext, input: z.output<typeof CreateRaciTaskRequestSchema>): Promise<TRaciTask> {
  const row = await ctx.transaction((tx) => insertTask(tx, { title: input.title, templateItemId: null }, input.assignments));
  return taskOf(ctx, row);
}

export const getTask = async (ctx: DataContext, id: string): Promise<TRaciTask> => taskOf(ctx, await raciRegister.get(ctx, id));

/** Changes the title or replaces the row, at the version read: a stale version gets 409 and changes nothing. */
export async function updateTask(ctx: DataContext, id: string, input: z.output<typeof UpdateRaciTaskRequestSchema>): Promise<TRaciTask> {
  const row = await ctx.transaction(async (tx) => {
    const saved = await raciRegister.expect(tx, id, input.version);
    const before = (await cellsOf(tx, [id])).map((c) => ({ department: c.department, cell: c.cell }));
    let after = before;
    if (input.assignments) {
      assertOnePerDepartment(input.assignments);
      after = await storeCells(tx, id, input.assignments);
    }
    return raciRegister.update(tx, id, input.version, input.title === undefined ? {} : { title: input.title }, { before: auditViewOf(saved, before), after: (r) => auditViewOf(r, after), changedOnly: true });
  });
  return taskOf(ctx, row);
}

export async function deleteTask(ctx: DataContext, id: string): Promise<void> {
  await ctx.transaction(async (tx) => {
    const cells = (await cellsOf(tx, [id])).map((c) => ({ department: c.department, cell: c.cell }));
    await raciRegister.remove(tx, id, undefined, { before: (r) => auditViewOf(r, cells) });
  });
}

export const taskHistory = (ctx: DataContext, id: string): Promise<HistoryEntry[]> => raciRegister.history(ctx, id);

const templateTitle = (item: CatalogItemRow, locale: TLocale) => (locale === 'ja' ? item.ja : item.en);

/**
 * Adds each task of seed 004's template the matrix does not have yet, its
 * departments and roles created by name (情報セキュリティ部, CISO …), titled in
 * the member's language. A template task already added is never added again
 * (also when two members add at once: the second gets 409).
 */
export async function addTemplate(ctx: DataContext, locale: TLocale): Promise<TRaciMatrix> {
  await ctx.transaction(async (tx) => {
    const [template, rows] = await Promise.all([readTemplate(tx), listTasks(tx)]);
    if (!template) throw new HttpProblem(409, 'raciTemplateNotLoaded');
    const added = new Set(rows.map((r) => r.templateItemId));
    for (const item of template.items.filter((i) => !added.has(i.itemId))) {
      const a = item.attributes;
      const cells = cellsFromLists({ responsible: strings(a.responsible), accountable: strings(a.accountable), consulted: strings(a.consulted), informed: strings(a.informed) });
      await insertTask(tx, { title: templateTitle(item, locale), templateItemId: item.itemId }, cells.map((c) => ({ department: c.department, cell: c.cell })));
    }
  });
  return matrixOf(ctx);
}
