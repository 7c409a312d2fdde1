import type { z } from 'zod';
import { futureDates, nextReviewOn, reviewStanding, coverage, type DocumentStatus } from '../../shared/governance/isms-document.rules.ts';
import type { CreateIsmsDocumentRequestSchema, TIsmsDocument, TIsmsDocumentList, UpdateIsmsDocumentRequestSchema } from '../../shared/governance/isms-document.schema.ts';
import type { IsoDate } from '../../shared/platform/calendar-date.ts';
import { loadedCollection, type CatalogItemRow, type LoadedCollection } from '../catalog/catalog.public.ts';
import type { DataContext } from '../platform/db/data-context.ts';
import { HttpProblem, type FieldError } from '../platform/http/problem.ts';
import { departmentIdNamed, departmentsOf, ownerDepartmentName } from '../platform/orgs/department.service.ts';
import type { HistoryEntry } from '../platform/register/register-history.ts';
import { uniqueKeyAs } from '../platform/register/register-statement.ts';
import { documentRegister, ISMS_DOCUMENT_ITEM_KEY, listDocumentRows, type IsmsDocumentRow } from './isms-document.repository.ts';

/**
 * The ISMS document registry (seed 000 III.5.2: 「情報セキュリティ規格（ISMS）
 * では、文書や記録の作成や維持管理が要求されています」, 表11, and the documents
 * a move to the cloud adds, 表12): each document with its owner, version,
 * approval and next review, and how much of the two tables is covered.
 */

export const ISMS_DOCUMENTS_COLLECTION = 'urn:kumoji:seed-000:isms-documents';

interface PresentContext {
  catalog: LoadedCollection | null;
  departments: Map<string, string>;
  today: IsoDate;
}

const readCatalog = (ctx: DataContext) => loadedCollection(ctx, ISMS_DOCUMENTS_COLLECTION);
const isDocument = (item: CatalogItemRow) => item.attributes.kind === 'document';
const pair = (i: CatalogItemRow) => ({ ja: i.ja, en: i.en });

async function presentContext(ctx: DataContext, today: IsoDate): Promise<PresentContext> {
  const [catalog, departments] = await ctx.sideBySide(() => readCatalog(ctx), () => departmentsOf(ctx));
  return { catalog, departments: new Map(departments.map((d) => [d.id, d.name])), today };
}

function catalogItemOf(pc: PresentContext, itemId: string | null): TIsmsDocument['catalogItem'] {
  const item = itemId ? pc.catalog?.items.find((i) => i.itemId === itemId) : undefined;
  if (!item) return null;
  const table = pc.catalog!.items.find((i) => i.itemId === item.parentId);
  const code = typeof item.attributes.code === 'string' ? item.attributes.code : null;
  return { name: pair(item), code, table: table ? pair(table) : { ja: '', en: '' }, source: item.source };
}

function present(ctx: DataContext, row: IsmsDocumentRow, pc: PresentContext): TIsmsDocument {
  return documentRegister.present(ctx, row, (r) => ({
    id: r.id,
    title: r.title,
    catalogItemId: r.catalogItemId,
    catalogItem: catalogItemOf(pc, r.catalogItemId),
    ownerDepartment: r.ownerDepartmentId ? { id: r.ownerDepartmentId, name: pc.departments.get(r.ownerDepartmentId) ?? '' } : null,
    documentVersion: r.documentVersion,
    status: r.status as DocumentStatus,
    approvedOn: r.approvedOn,
    lastReviewedOn: r.lastReviewedOn,
    reviewIntervalMonths: r.reviewIntervalMonths,
    nextReviewOn: r.nextReviewOn,
    standing: reviewStanding({ status: r.status as DocumentStatus, nextReviewOn: r.nextReviewOn }, pc.today),
    location: r.location,
    notes: r.notes,
    version: r.version,
    updatedAt: r.updatedAt.toISOString(),
  }));
}

export async function listDocuments(ctx: DataContext, today: IsoDate): Promise<TIsmsDocumentList> {
  const [rows, pc] = await ctx.sideBySide(() => listDocumentRows(ctx), () => presentContext(ctx, today));
  const items = rows.map((r) => present(ctx, r, pc));
  const tables = pc.catalog ? pc.catalog.items.filter((i) => i.attributes.kind === 'group') : [];
  const groups = pc.catalog ? coverage(tables.map((g) => g.itemId), pc.catalog.items.filter(isDocument), new Set(rows.map((r) => r.catalogItemId).filter((x): x is string => !!x))) : [];
  return {
    items,
    summary: {
      documents: items.filter((d) => d.status !== 'retired').length,
      approved: items.filter((d) => d.status === 'approved').length,
      dueSoon: items.filter((d) => d.standing === 'dueSoon').length,
      overdue: items.filter((d) => d.standing === 'overdue').length,
    },
    coverage: pc.catalog
      ? {
          name: pc.catalog.name,
          source: pc.catalog.source,
          tables: groups.map((g, i) => ({ id: g.groupId, name: pair(tables[i]!), source: tables[i]!.source, total: g.total, registered: g.registered, missing: g.missing.map((m) => ({ itemId: m.itemId, name: pair(m) })) })),
        }
      : null,
    departments: [...pc.departments].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name)),
  };
}

/** One document: the catalog (to name its seed document) and its owner, not every department. */
export async function getDocument(ctx: DataContext, id: string, today: IsoDate): Promise<TIsmsDocument> {
  const row = await documentRegister.get(ctx, id);
  const [catalog, departments] = await ctx.sideBySide(() => readCatalog(ctx), () => ownerDepartmentName(ctx, row.ownerDepartmentId));
  return present(ctx, row, { catalog, departments, today });
}

type Fields = Pick<IsmsDocumentRow, 'status' | 'approvedOn' | 'lastReviewedOn' | 'reviewIntervalMonths'>;

/** The document's dates as they will stand: none after today, an approval date for an approved document; the next review computed from them. */
function checkedDates(d: Fields, today: IsoDate): { nextReviewOn: IsoDate | null } {
  const errors: FieldError[] = futureDates(d, today).map((path) => ({ path, code: 'dateAfterToday' }));
  if (d.status === 'approved' && !d.approvedOn) errors.push({ path: 'approvedOn', code: 'approvedOnRequired' });
  if (errors.length) throw new HttpProblem(400, 'validation', {}, errors);
  return { nextReviewOn: nextReviewOn({ ...d, status: d.status as DocumentStatus }) };
}


/** A seed document must be a document of the loaded tables (registered once: the unique key decides). */
async function checkCatalogItem(ctx: DataContext, itemId: string): Promise<void> {
  const item = (await readCatalog(ctx))?.items.find((i) => i.itemId === itemId);
  if (!item || !isDocument(item)) throw new HttpProblem(400, 'validation', {}, [{ path: 'catalogItemId', code: 'ismsDocumentUnknown' }]);
}

export async function createDocument(ctx: DataContext, input: z.output<typeof CreateIsmsDocumentRequestSchema>, today: IsoDate): Promise<TIsmsDocument> {
  const { ownerDepartment, ...fields } = input;
  const row = await ctx.transaction(async (tx) => {
    const dates = checkedDates(fields, today);
    if (fields.catalogItemId) await checkCatalogItem(tx, fields.catalogItemId);
    return documentRegister.create(tx, { ...fields, ...dates, ownerDepartmentId: await departmentIdNamed(tx, ownerDepartment) });
  }).catch(uniqueKeyAs(ISMS_DOCUMENT_ITEM_KEY, () => new HttpProblem(409, 'ismsDocumentRegistered')));
  return getDocument(ctx, row.id, today);
}

export async function updateDocument(ctx: DataContext, id: string, input: z.output<typeof UpdateIsmsDocumentRequestSchema>, today: IsoDate): Promise<TIsmsDocument> {
  const { version, ownerDepartment, ...fields } = input;
  await ctx.transaction(async (tx) => {
    const before = await documentRegister.expect(tx, id, version);
    const dates = checkedDates({ ...before, ...fields }, today);
    const owner = ownerDepartment === undefined ? {} : { ownerDepartmentId: await departmentIdNamed(tx, ownerDepartment) };
    await documentRegister.update(tx, id, version, { ...fields, ...dates, ...owner }, { before: documentRegister.spec.auditView(before), changedOnly: true });
  });
  return getDocument(ctx, id, today);
}

export async function deleteDocument(ctx: DataContext, id: string): Promise<void> {
  await ctx.transaction((tx) => documentRegister.remove(tx, id, undefined));
}

export const documentHistory = (ctx: DataContext, id: string): Promise<HistoryEntry[]> => documentRegister.history(ctx, id);
