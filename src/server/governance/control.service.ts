import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { controlOverdue, controlProblems, controlSetSummary, type ControlJudgement, type ControlStatus } from '../../shared/governance/control.rules.ts';
import type { CreateControlAssessmentRequestSchema, TControlAssessment, TControlSetKey, TControlSets, UpdateControlAssessmentRequestSchema } from '../../shared/governance/control.schema.ts';
import type { IsoDate } from '../../shared/platform/calendar-date.ts';
import type { TEvidenceFile } from '../../shared/schemas/evidence.schema.ts';
import { loadedCollectionsById, type CatalogItemRow, type LoadedCollection } from '../catalog/catalog.public.ts';
import type { DataContext } from '../platform/db/data-context.ts';
import { attachEvidence, detachEvidence, evidenceBySubject, readEvidenceUpload } from '../platform/evidence/evidence.service.ts';
import { uploadEvidenceVersion } from '../platform/evidence/evidence-version.service.ts';
import type { OrgAuthContext } from '../platform/http/route.ts';
import { HttpProblem } from '../platform/http/problem.ts';
import { departmentIdNamed, departmentsOf, ownerDepartmentName } from '../platform/orgs/department.service.ts';
import type { HistoryEntry } from '../platform/register/register-history.ts';
import { uniqueKeyAs } from '../platform/register/register-statement.ts';
import { CONTROL_ITEM_KEY, controlRegister, listAssessments, type ControlAssessmentRow } from './control.repository.ts';

/**
 * Control sets from the catalog with the organisation's statement of
 * applicability: seed 004's FSA and PPC items (「政府ガイドラインに基づくセキュリティ
 * 管理策」), seed 000's basic measures, ISO/IEC 27017's cloud controls, the
 * METI guideline's ten key items and seed 004's six-step implementation flow.
 * Each control is judged applicable or left out with its reason, followed to
 * implementation with an owner, a due date and evidence files.
 */

const COLLECTIONS = {
  government: 'urn:kumoji:seed-004:government-controls',
  ipa: 'urn:kumoji:seed-000:security-measures',
  iso27017: 'urn:kumoji:public:iso27017',
  meti: 'urn:kumoji:public:meti-guideline',
  flow: 'urn:kumoji:seed-004:implementation-flow',
} as const;
type CollectionKey = keyof typeof COLLECTIONS;

/** Each set: its collection, and the group within it when the collection holds more than one set. */
const SETS: readonly { key: TControlSetKey; collection: CollectionKey; group?: string }[] = [
  { key: 'fsa', collection: 'government', group: 'urn:kumoji:seed-004:government-controls:fsa' },
  { key: 'ppc', collection: 'government', group: 'urn:kumoji:seed-004:government-controls:ppc' },
  { key: 'ipa', collection: 'ipa' },
  { key: 'iso27017', collection: 'iso27017' },
  { key: 'meti', collection: 'meti', group: 'urn:kumoji:public:meti-guideline:key-items' },
  { key: 'flow', collection: 'flow' },
];

export const CONTROL_EVIDENCE_SUBJECT = 'control-assessment';
const pair = (i: { ja: string; en: string }) => ({ ja: i.ja, en: i.en });
const codeOf = (i: CatalogItemRow) => (typeof i.attributes.control === 'string' ? i.attributes.control : null);

interface ControlItem {
  set: TControlSetKey;
  setName: { ja: string; en: string };
  setSource: string[];
  item: CatalogItemRow;
}

/** The sets' controls as loaded: within a set's group (or the whole collection), the items with no children that are not principles. */
async function controlItems(ctx: DataContext): Promise<{ key: TControlSetKey; name: { ja: string; en: string }; source: string[]; items: CatalogItemRow[] }[]> {
  const loaded = await loadedCollectionsById(ctx, COLLECTIONS, Object.keys(COLLECTIONS) as CollectionKey[]);
  return SETS.flatMap((set) => {
    const collection: LoadedCollection | null = loaded[set.collection];
    if (!collection) return [];
    const parents = new Set(collection.items.map((i) => i.parentId).filter(Boolean));
    const group = set.group ? collection.items.find((i) => i.itemId === set.group) : undefined;
    if (set.group && !group) return [];
    const items = collection.items.filter((i) => !parents.has(i.itemId) && i.attributes.kind !== 'principle' && i.attributes.kind !== 'group' && (!set.group || i.parentId === set.group));
    return [{ key: set.key, name: group ? pair(group) : collection.name, source: group ? group.source : collection.source, items }];
  });
}

interface PresentContext {
  byItem: Map<string, ControlItem>;
  departments: Map<string, string>;
  evidence: Map<string, TEvidenceFile[]>;
  today: IsoDate;
}

const judgementOf = (r: Pick<ControlAssessmentRow, 'applicable' | 'reason' | 'status' | 'dueOn'>): ControlJudgement => ({ applicable: r.applicable, reason: r.reason, status: r.status as ControlStatus, dueOn: r.dueOn });

function present(ctx: DataContext, row: ControlAssessmentRow, pc: PresentContext): TControlAssessment {
  const c = pc.byItem.get(row.itemId);
  return controlRegister.present(ctx, row, (r) => ({
    id: r.id,
    itemId: r.itemId,
    control: c ? { set: c.set, setName: c.setName, name: pair(c.item), code: codeOf(c.item), source: c.item.source } : null,
    applicable: r.applicable,
    reason: r.reason,
    status: r.status as ControlStatus,
    ownerDepartment: r.ownerDepartmentId ? { id: r.ownerDepartmentId, name: pc.departments.get(r.ownerDepartmentId) ?? '' } : null,
    dueOn: r.dueOn,
    overdue: controlOverdue(judgementOf(r), pc.today),
    notes: r.notes,
    evidence: pc.evidence.get(r.id) ?? [],
    version: r.version,
    updatedAt: r.updatedAt.toISOString(),
  }));
}

/** The sets' controls by item id. */
function controlsByItem(sets: Awaited<ReturnType<typeof controlItems>>): Map<string, ControlItem> {
  const byItem = new Map<string, ControlItem>();
  for (const s of sets) for (const item of s.items) byItem.set(item.itemId, { set: s.key, setName: s.name, setSource: s.source, item });
  return byItem;
}

async function readAll(ctx: DataContext, today: IsoDate) {
  const [sets, rows, departments] = await ctx.sideBySide(() => controlItems(ctx), () => listAssessments(ctx), () => departmentsOf(ctx));
  const evidence = await evidenceBySubject(ctx.db, ctx.organisationId, CONTROL_EVIDENCE_SUBJECT, rows.map((r) => r.id));
  const pc: PresentContext = { byItem: controlsByItem(sets), departments: new Map(departments.map((d) => [d.id, d.name])), evidence, today };
  return { sets, rows, pc, departments };
}

export async function controlSetsOf(ctx: DataContext, today: IsoDate): Promise<TControlSets> {
  const { sets, rows, pc, departments } = await readAll(ctx, today);
  const byItem = new Map(rows.map((r) => [r.itemId, r]));
  const all: (ControlJudgement | null)[] = [];
  const out = sets.map((s) => {
    const judged = s.items.map((i) => byItem.get(i.itemId) ?? null);
    all.push(...judged.map((r) => (r ? judgementOf(r) : null)));
    return {
      key: s.key,
      name: s.name,
      source: s.source,
      summary: controlSetSummary(judged.map((r) => (r ? judgementOf(r) : null)), today),
      controls: s.items.map((item, i) => ({ itemId: item.itemId, name: pair(item), code: codeOf(item), source: item.source, assessment: judged[i] ? present(ctx, judged[i]!, pc) : null })),
    };
  });
  return { sets: out, summary: controlSetSummary(all, today), departments: departments.map((d) => ({ id: d.id, name: d.name })) };
}

/** One judgement: the sets (to name its control), its owner and its evidence, nothing of the other judgements. */
export async function getAssessment(ctx: DataContext, id: string, today: IsoDate): Promise<TControlAssessment> {
  const row = await controlRegister.get(ctx, id);
  const [sets, departments, evidence] = await ctx.sideBySide(
    () => controlItems(ctx),
    () => ownerDepartmentName(ctx, row.ownerDepartmentId),
    () => evidenceBySubject(ctx.db, ctx.organisationId, CONTROL_EVIDENCE_SUBJECT, [row.id]),
  );
  return present(ctx, row, { byItem: controlsByItem(sets), departments, evidence, today });
}

function checkJudgement(j: ControlJudgement): void {
  const problems = controlProblems(j);
  if (problems.length) throw new HttpProblem(400, 'validation', {}, problems);
}


export async function createAssessment(ctx: DataContext, input: z.output<typeof CreateControlAssessmentRequestSchema>, today: IsoDate): Promise<TControlAssessment> {
  const { ownerDepartment, ...fields } = input;
  const row = await ctx.transaction(async (tx) => {
    const known = (await controlItems(tx)).some((s) => s.items.some((i) => i.itemId === fields.itemId));
    if (!known) throw new HttpProblem(400, 'validation', {}, [{ path: 'itemId', code: 'controlUnknown' }]);
    checkJudgement(fields);
    return controlRegister.create(tx, { ...fields, ownerDepartmentId: await departmentIdNamed(tx, ownerDepartment) });
  }).catch(uniqueKeyAs(CONTROL_ITEM_KEY, () => new HttpProblem(409, 'controlAssessed')));
  return getAssessment(ctx, row.id, today);
}

export async function updateAssessment(ctx: DataContext, id: string, input: z.output<typeof UpdateControlAssessmentRequestSchema>, today: IsoDate): Promise<TControlAssessment> {
  const { version, ownerDepartment, ...fields } = input;
  await ctx.transaction(async (tx) => {
    const before = await controlRegister.expect(tx, id, version);
    checkJudgement(judgementOf({ ...before, ...fields }));
    const owner = ownerDepartment === undefined ? {} : { ownerDepartmentId: await departmentIdNamed(tx, ownerDepartment) };
    await controlRegister.update(tx, id, version, { ...fields, ...owner }, { before: controlRegister.spec.auditView(before), changedOnly: true });
  });
  return getAssessment(ctx, id, today);
}

export async function deleteAssessment(ctx: DataContext, id: string): Promise<void> {
  await ctx.transaction((tx) => controlRegister.remove(tx, id, undefined));
}

export const assessmentHistory = (ctx: DataContext, id: string): Promise<HistoryEntry[]> => controlRegister.history(ctx, id);

/** An evidence file for a control (hashed and kept by the platform's evidence store; its upload and removal are on the trail). */
export async function uploadControlEvidence(ctx: DataContext, auth: OrgAuthContext, id: string, req: FastifyRequest, maxBytes: number): Promise<TEvidenceFile> {
  await controlRegister.get(ctx, id);
  const upload = await readEvidenceUpload(req, maxBytes);
  return ctx.transaction(async (tx) => {
    await controlRegister.get(tx, id);
    return attachEvidence(tx.db, auth, { type: CONTROL_EVIDENCE_SUBJECT, id }, upload);
  });
}

/** A new version of one of the control's files (the file and the judgement checked before a byte is read; the earlier versions stay). */
export const uploadControlEvidenceVersion = (ctx: DataContext, auth: OrgAuthContext, id: string, evidenceId: string, req: FastifyRequest, maxBytes: number): Promise<TEvidenceFile> =>
  uploadEvidenceVersion(ctx, auth, { type: CONTROL_EVIDENCE_SUBJECT, id }, evidenceId, req, maxBytes, (c) => controlRegister.get(c, id));

export async function removeControlEvidence(ctx: DataContext, auth: OrgAuthContext, id: string, evidenceId: string): Promise<void> {
  await ctx.transaction(async (tx) => {
    await controlRegister.get(tx, id);
    await detachEvidence(tx.db, auth, { type: CONTROL_EVIDENCE_SUBJECT, id }, evidenceId);
  });
}
