import type { z } from 'zod';
import { BCP_MODES, cellStanding, gridSummary, type BcpMode, type ScenarioStatus } from '../../shared/continuity/bcp.rules.ts';
import type { CreateBcpDrillRequestSchema, CreateBcpScenarioRequestSchema, TBcpDrill, TBcpGrid, TBcpScenario, UpdateBcpDrillRequestSchema, UpdateBcpScenarioRequestSchema } from '../../shared/continuity/bcp.schema.ts';
import type { TLocale } from '../../shared/schemas/common.schema.ts';
import { dateIn } from '../../shared/platform/calendar-date.ts';
import { loadedCollectionsById, type LoadedCollection } from '../catalog/catalog.public.ts';
import { correctiveActionsFrom, openCorrectiveAction, type ActionSummary } from '../operations/operations.public.ts';
import type { DataContext } from '../platform/db/data-context.ts';
import { HttpProblem } from '../platform/http/problem.ts';
import { translator } from '../platform/i18n/translate.ts';
import { departmentIdNamed, departmentsOf } from '../platform/orgs/department.service.ts';
import type { HistoryEntry } from '../platform/register/register-history.ts';
import { uniqueKeyAs } from '../platform/register/register-statement.ts';
import { BCP_CELL_KEY, drillRegister, listDrills, listScenarios, scenarioRegister, type BcpDrillRow, type BcpScenarioRow } from './bcp.repository.ts';

/**
 * The BCP (seed 004 「BCP:緊急時・無電化時・停止時の3段階運用」; seed 000 V.6.2
 * 「事業継続計画で想定すべき災害」): the response planned for each mode and
 * disaster type, the drills that exercised them, and the drills' findings
 * followed through PDCA as corrective actions.
 */

const COLLECTIONS = { modes: 'urn:kumoji:seed-004:bcp-modes', disasters: 'urn:kumoji:seed-000:bcp-disaster-types' } as const;

const readCatalog = (ctx: DataContext) => loadedCollectionsById(ctx, COLLECTIONS, ['modes', 'disasters']);

const disasterTypesOf = (c: LoadedCollection | null) =>
  (c?.items ?? []).map((i) => ({ id: i.itemId, number: typeof i.attributes.number === 'number' ? i.attributes.number : 0, title: { ja: i.ja, en: i.en } })).sort((a, b) => a.number - b.number);

function modesOf(c: LoadedCollection | null): TBcpGrid['modes'] {
  const items = c?.items ?? [];
  return BCP_MODES.flatMap((mode) => {
    const item = items.find((i) => i.attributes.kind === 'mode' && i.attributes.mode === mode);
    if (!item) return [];
    const actions = items.filter((i) => i.parentId === item.itemId).map((i) => ({ ja: i.ja, en: i.en }));
    return [{ mode, itemId: item.itemId, title: { ja: item.ja, en: item.en }, actions }];
  });
}

/** 400 unless the disaster type is one of the loaded catalog's. */
async function checkDisasterType(ctx: DataContext, id: string | undefined): Promise<void> {
  if (id === undefined) return;
  const { disasters } = await readCatalog(ctx);
  if (!disasterTypesOf(disasters).some((d) => d.id === id)) throw new HttpProblem(400, 'validation', {}, [{ path: 'disasterTypeId', code: 'disasterTypeUnknown' }]);
}

function presentScenario(ctx: DataContext, r: BcpScenarioRow, departments: ReadonlyMap<string, string>): TBcpScenario {
  return scenarioRegister.present(ctx, r, (s) => ({
    id: s.id,
    mode: s.mode as BcpMode,
    disasterTypeId: s.disasterTypeId,
    response: s.response,
    ownerDepartment: s.ownerDepartmentId ? { id: s.ownerDepartmentId, name: departments.get(s.ownerDepartmentId) ?? '' } : null,
    status: s.status as ScenarioStatus,
    version: s.version,
  }));
}

function presentDrill(ctx: DataContext, r: BcpDrillRow, actions: readonly ActionSummary[]): TBcpDrill {
  return drillRegister.present(ctx, r, (d) => ({
    id: d.id,
    title: d.title,
    heldOn: d.heldOn,
    mode: d.mode as BcpMode,
    disasterTypeId: d.disasterTypeId,
    participants: d.participants,
    recoveryMinutes: d.recoveryMinutes,
    findings: d.findings,
    notes: d.notes,
    actions: actions.map((a) => ({ id: a.id, title: a.title, phase: a.phase, dueOn: a.dueOn, overdue: a.overdue })),
    version: d.version,
    updatedAt: d.updatedAt.toISOString(),
  }));
}

const departmentMap = async (ctx: DataContext) => new Map((await departmentsOf(ctx)).map((d) => [d.id, d.name]));

export async function bcpGrid(ctx: DataContext, now: Date): Promise<TBcpGrid> {
  const [catalog, scenarios, drills, departments] = await ctx.sideBySide(() => readCatalog(ctx), () => listScenarios(ctx), () => listDrills(ctx), () => departmentsOf(ctx));
  const actions = await correctiveActionsFrom(ctx, 'drill', drills.map((d) => d.id), now);
  const today = dateIn('Asia/Tokyo', now);
  const names = new Map(departments.map((d) => [d.id, d.name]));
  const modes = modesOf(catalog.modes);
  const disasterTypes = disasterTypesOf(catalog.disasters);
  const cells = modes.flatMap(({ mode }) =>
    disasterTypes.map((d) => {
      const scenario = scenarios.find((s) => s.mode === mode && s.disasterTypeId === d.id) ?? null;
      const lastDrillOn = drills.find((x) => x.mode === mode && x.disasterTypeId === d.id)?.heldOn ?? null;
      return { mode, disasterTypeId: d.id, standing: cellStanding(scenario ? { status: scenario.status as ScenarioStatus } : null, lastDrillOn, today), scenario: scenario ? presentScenario(ctx, scenario, names) : null, lastDrillOn };
    }),
  );
  const presented = drills.map((d) => presentDrill(ctx, d, actions.get(d.id) ?? []));
  // A finding opened as an action counts as handled whatever the action's phase: the count is of findings never opened.
  const openFindings = presented.reduce((n, d) => n + Math.max(0, d.findings.length - d.actions.length), 0);
  return {
    modes,
    disasterTypes,
    cells,
    drills: presented,
    summary: { ...gridSummary(cells.map((c) => c.standing), cells.length), openFindings },
    departments: departments.map((d) => ({ id: d.id, name: d.name })).sort((a, b) => a.name.localeCompare(b.name)),
    source: [...(catalog.modes?.source ?? []), ...(catalog.disasters?.source ?? [])],
  };
}

export async function getScenario(ctx: DataContext, id: string): Promise<TBcpScenario> {
  const [row, names] = await ctx.sideBySide(() => scenarioRegister.get(ctx, id), () => departmentMap(ctx));
  return presentScenario(ctx, row, names);
}

/** A cell's response; 409 when the cell has one already (change that instead). */
export async function createScenario(ctx: DataContext, input: z.output<typeof CreateBcpScenarioRequestSchema>): Promise<TBcpScenario> {
  const { ownerDepartment, ...fields } = input;
  await checkDisasterType(ctx, fields.disasterTypeId);
  const row = await ctx
    .transaction(async (tx) => scenarioRegister.create(tx, { ...fields, ownerDepartmentId: await departmentIdNamed(tx, ownerDepartment) }))
    .catch(uniqueKeyAs(BCP_CELL_KEY, () => new HttpProblem(409, 'bcpScenarioExists')));
  return getScenario(ctx, row.id);
}

export async function updateScenario(ctx: DataContext, id: string, input: z.output<typeof UpdateBcpScenarioRequestSchema>): Promise<TBcpScenario> {
  const { version, ownerDepartment, ...fields } = input;
  await ctx.transaction(async (tx) => {
    const before = await scenarioRegister.expect(tx, id, version);
    const owner = ownerDepartment === undefined ? {} : { ownerDepartmentId: await departmentIdNamed(tx, ownerDepartment) };
    await scenarioRegister.update(tx, id, version, { ...fields, ...owner }, { before: scenarioRegister.spec.auditView(before), changedOnly: true });
  });
  return getScenario(ctx, id);
}

export async function deleteScenario(ctx: DataContext, id: string): Promise<void> {
  await ctx.transaction((tx) => scenarioRegister.remove(tx, id, undefined));
}

export const scenarioHistory = (ctx: DataContext, id: string): Promise<HistoryEntry[]> => scenarioRegister.history(ctx, id);

export async function getDrill(ctx: DataContext, id: string, now: Date): Promise<TBcpDrill> {
  const row = await drillRegister.get(ctx, id);
  const actions = await correctiveActionsFrom(ctx, 'drill', [id], now);
  return presentDrill(ctx, row, actions.get(id) ?? []);
}

const notAfterToday = (heldOn: string | undefined, now: Date) => {
  if (heldOn && heldOn > dateIn('Asia/Tokyo', now)) throw new HttpProblem(400, 'validation', {}, [{ path: 'heldOn', code: 'dateAfterToday' }]);
};

export async function createDrill(ctx: DataContext, input: z.output<typeof CreateBcpDrillRequestSchema>, now: Date): Promise<TBcpDrill> {
  notAfterToday(input.heldOn, now);
  await checkDisasterType(ctx, input.disasterTypeId);
  const row = await ctx.transaction((tx) => drillRegister.create(tx, input));
  return getDrill(ctx, row.id, now);
}

export async function updateDrill(ctx: DataContext, id: string, input: z.output<typeof UpdateBcpDrillRequestSchema>, now: Date): Promise<TBcpDrill> {
  const { version, ...fields } = input;
  notAfterToday(fields.heldOn, now);
  await checkDisasterType(ctx, fields.disasterTypeId);
  await ctx.transaction(async (tx) => {
    const before = await drillRegister.expect(tx, id, version);
    await drillRegister.update(tx, id, version, fields, { before: drillRegister.spec.auditView(before), changedOnly: true });
  });
  return getDrill(ctx, id, now);
}

export async function deleteDrill(ctx: DataContext, id: string): Promise<void> {
  await ctx.transaction((tx) => drillRegister.remove(tx, id, undefined));
}

export const drillHistory = (ctx: DataContext, id: string): Promise<HistoryEntry[]> => drillRegister.history(ctx, id);

/**
 * Opens each of the drill's findings as a corrective action in Plan (seed
 * 004's PDCA: what a drill finds is followed to a verified change), titled
 * with the finding, the drill its origin; a finding that has an open action from
 * this drill is not opened again. At the version read: 409 when it moved on.
 */
export async function openDrillFindings(ctx: DataContext, id: string, version: number, locale: TLocale, now: Date): Promise<TBcpDrill> {
  const t = translator(locale);
  await ctx.transaction(async (tx) => {
    const row = await drillRegister.expect(tx, id, version);
    const existing = (await correctiveActionsFrom(tx, 'drill', [id], now)).get(id) ?? [];
    const open = new Set(existing.filter((a) => a.phase !== 'closed').map((a) => a.title));
    for (const finding of row.findings) {
      if (open.has(finding)) continue;
      open.add(finding);
      await openCorrectiveAction(tx, { title: finding, plan: t('continuity.drills.findingPlan', { drill: row.title, heldOn: row.heldOn }), ownerUserId: null, dueOn: null, origin: 'drill', originId: id, originTitle: row.title });
    }
  });
  return getDrill(ctx, id, now);
}
