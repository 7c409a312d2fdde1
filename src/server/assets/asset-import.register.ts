import { formatYenAmount, yenToThousandYen } from '../../shared/assets/asset-money.ts';
import type { TImportField } from '../../shared/schemas/asset.schema.ts';
import type { DataContext } from '../platform/db/data-context.ts';
import { departmentKey } from '../platform/orgs/department.rules.ts';
import { departmentsNamed, departmentsOf } from '../platform/orgs/department.service.ts';
import { listMembers } from '../platform/orgs/organisation.repository.ts';
import type { IssueRow } from '../platform/transfer/import.repository.ts';
import { RowsChangedError, type ImportRegister } from '../platform/transfer/transfer.contract.ts';
import { existingNameKeys, insertPreparedAssets } from './asset-bulk.repository.ts';
import { assetClassifications, choiceIndex } from './asset-catalog.ts';
import { NOTICE_CODES } from './asset-import.cells.ts';
import { ASSET_IMPORT_FIELDS } from './asset-import.headers.ts';
import {
  isTotalsRow,
  memberNameKey,
  nameKey,
  newRowState,
  toColumns,
  totalsRowIssue,
  validateRow,
  type ImportLookups,
  type ImportMember,
  type PreparedAsset,
  type PreparedColumns,
  type RowState,
} from './asset-import.rules.ts';
import { assetImportIssues, assetImports } from './asset.table.ts';

/**
 * The asset inventory as a register of the import pipeline
 * (platform/transfer): its field list (the 資産目録 columns of seed 000 図11),
 * what a row is checked against, the row rules (asset-import.rules.ts) and
 * the commit. Everything else — upload, encoding, headers, the job, the
 * per-row report — is the pipeline's.
 */

export const ASSET_IMPORT_QUEUE = 'asset-import';

/** One query after another: inside a transaction they share one connection. */
async function importLookups(ctx: DataContext): Promise<ImportLookups> {
  const members = await listMembers(ctx.db, ctx.organisationId);
  const classifications = await assetClassifications(ctx);
  const existingNames = await existingNameKeys(ctx);
  const departments = await departmentsOf(ctx);
  const membersByEmail = new Map<string, ImportMember>();
  const membersByName = new Map<string, ImportMember[]>();
  for (const m of members) {
    membersByEmail.set(m.email.toLowerCase(), m);
    const key = memberNameKey(m.displayName);
    membersByName.set(key, [...(membersByName.get(key) ?? []), m]);
  }
  return {
    membersByEmail,
    membersByName,
    assetClasses: choiceIndex(classifications.assetClasses),
    informationGroups: choiceIndex(classifications.informationGroups),
    riskCategories: choiceIndex(classifications.riskCategories),
    existingNames,
    departmentsByKey: new Map(departments.map((d) => [d.nameKey, { id: d.id, name: d.name }])),
  };
}

/** What changed since validation (a member left, a name was taken, a catalog item unloaded), per row. */
function recheck(rows: PreparedColumns, lookups: ImportLookups): IssueRow[] {
  const owners = new Set([...lookups.membersByEmail.values()].map((m) => m.userId));
  const ids = (m: Map<string, string>) => new Set(m.values());
  const catalog: [keyof PreparedColumns, string, Set<string>][] = [
    ['assetClassId', 'assetClass', ids(lookups.assetClasses)],
    ['informationGroupId', 'informationGroup', ids(lookups.informationGroups)],
    ['riskCategoryId', 'riskCategory', ids(lookups.riskCategories)],
  ];
  const issues: IssueRow[] = [];
  for (let i = 0; i < rows.name.length; i++) {
    const at = { rowNumber: rows.rowNumber[i], header: null };
    const owner = rows.ownerUserId[i];
    if (owner && !owners.has(owner)) issues.push({ ...at, field: 'owner', code: 'changedOwner', params: null });
    if (lookups.existingNames.has(nameKey(rows.name[i]))) issues.push({ ...at, field: 'name', code: 'duplicateExisting', params: { value: rows.name[i].slice(0, 80) } });
    for (const [key, field, valid] of catalog) {
      const id = rows[key][i] as string | null;
      if (id && !valid.has(id)) issues.push({ ...at, field, code: 'changedCatalog', params: null });
    }
  }
  return issues;
}

export const ASSET_IMPORT: ImportRegister<TImportField, PreparedAsset, ImportLookups, RowState, PreparedColumns> = {
  queue: ASSET_IMPORT_QUEUE,
  tables: { imports: assetImports, issues: assetImportIssues },
  fields: ASSET_IMPORT_FIELDS,
  messages: 'assets.import',
  fieldLabels: 'assets.fields',
  problems: { file: 'assetImportFile', notReady: 'assetImportNotReady', running: 'assetImportRunning' },
  audit: { action: 'asset.import', entityType: 'asset-import' },
  noticeCodes: NOTICE_CODES,
  loadLookups: importLookups,
  newState: newRowState,

  readRow(cells, rowNumber, { columns, mapped, headerCount, lookups, state }) {
    if (isTotalsRow(cells, columns)) return { kind: 'skip', issues: [totalsRowIssue(cells, rowNumber, columns, state)] };
    const { asset, issues } = validateRow(cells, rowNumber, columns, lookups, state, mapped, headerCount);
    return { kind: 'row', row: asset, issues };
  },

  previewValues: (asset) => ({
    totalValueYen: (BigInt(asset.records) * BigInt(asset.unitValueYen)).toString(),
    unitValueThousandYen: yenToThousandYen(BigInt(asset.unitValueYen)),
  }),

  summary: (state) => ({ newDepartments: [...state.newDepartments.values()] }),

  // 資産総額 notices carry yen; shown as the reader's language writes amounts.
  issueParams(params, locale) {
    const out = { ...params };
    for (const k of ['file', 'computed'] as const) if (/^\d+$/.test(out[k] ?? '')) out[k] = formatYenAmount(BigInt(out[k]), locale);
    return out;
  },

  pack: toColumns,
  count: (rows) => rows.name.length,

  async commitRows({ ctx, importId, progress }, rows) {
    const changes = recheck(rows, await importLookups(ctx));
    if (changes.length) throw new RowsChangedError(changes);
    const owners = rows.ownerDepartment ?? [];
    const departments = await departmentsNamed(ctx, owners.filter((d): d is string => !!d));
    const departmentIds = rows.name.map((_n, i) => (owners[i] ? (departments.byKey.get(departmentKey(owners[i]!))?.id ?? null) : null));
    await insertPreparedAssets(ctx, rows, departmentIds, importId, progress);
    return { departmentsCreated: departments.created };
  },

  commitConflict(e) {
    const err = e as { code?: string; constraint?: string; cause?: { code?: string; constraint?: string } };
    const pg = err.code ? err : err.cause;
    return pg?.code === '23505' && pg.constraint === 'assets_org_name_key' ? [{ rowNumber: null, field: 'name', header: null, code: 'changedNames', params: null }] : null;
  },
};
