import { ASSET_NAME_MAX, ASSET_TEXT_MAX, type TConfidentiality, type TImportField, type TMedium, type TPlacement, type TRank, type TSensitivity } from '../../shared/schemas/asset.schema.ts';
import { departmentKey, DEPARTMENT_NAME_MAX } from '../platform/orgs/department.rules.ts';
import { readBoolean, readConfidentiality, readMedium, readPlacement, readRank, readRecords, readSensitivity, readText, readThousandYen, readTotalYen, type Cell, type IssueCode, type Read, type RowIssue } from './asset-import.cells.ts';
import { fieldColumns as mappedColumns } from '../platform/transfer/header.rules.ts';
import type { ImportMapping } from './asset-import.headers.ts';

/**
 * Pure rules of the asset import: what is wrong with a row (which header
 * means which field: asset-import.headers.ts; how each cell is read:
 * asset-import.cells.ts). No I/O: the service streams rows through `validateRow`.
 */

/* ------------------------------------------------------------------- rows */

export interface ImportMember {
  userId: string;
  email: string;
  displayName: string;
}

export interface ImportLookups {
  /** Lower-cased e-mail → member. */
  membersByEmail: Map<string, ImportMember>;
  /** NFKC display name → members with that name (several: ambiguous). */
  membersByName: Map<string, ImportMember[]>;
  /** Per catalog field: id, Japanese label or English label (normalised) → item id. */
  assetClasses: Map<string, string>;
  informationGroups: Map<string, string>;
  riskCategories: Map<string, string>;
  /** Names already in the inventory (`nameKey`). */
  existingNames: Set<string>;
  /** `departmentKey` → the organisation's department of that name. */
  departmentsByKey: Map<string, { id: string; name: string }>;
}

/**
 * What the database's unique index compares: lower() of the asset columns, which are of
 * the "C" collation (migration `asset-search-index`), folds ASCII letters only. Also how
 * a search query is folded to meet search_text.
 */
export function nameKey(name: string): string {
  return name.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

export function catalogKey(text: string): string {
  return text.normalize('NFKC').trim().toLowerCase();
}

export function memberNameKey(name: string): string {
  return name.normalize('NFKC').trim();
}

/** A row ready to insert (the shape of the `prepared` rows). */
export interface PreparedAsset {
  /** The row of the file it came from (for messages at commit time). */
  rowNumber: number;
  name: string;
  medium: TMedium;
  content: string;
  location: string;
  ownerUserId: string | null;
  /** A department of the organisation (existing or created by the commit), by name as the file writes it. */
  ownerDepartment: string | null;
  records: number;
  rank: TRank;
  /** Whole yen, as a decimal string (exact beyond 2^53). */
  unitValueYen: string;
  assetClassId: string | null;
  informationGroupId: string | null;
  riskCategoryId: string | null;
  sensitivity: TSensitivity | null;
  confidentiality: TConfidentiality | null;
  containsPersonalData: boolean;
  currentPlacement: TPlacement;
  plannedPlacement: TPlacement | null;
  notes: string;
}

/** The prepared rows column by column: what the commit stores and inserts (smaller and faster to parse than objects). */
export type PreparedColumns = { [K in keyof PreparedAsset]: PreparedAsset[K][] };

const PREPARED_KEYS: (keyof PreparedAsset)[] = [
  'rowNumber',
  'name',
  'medium',
  'content',
  'location',
  'ownerUserId',
  'ownerDepartment',
  'records',
  'rank',
  'unitValueYen',
  'assetClassId',
  'informationGroupId',
  'riskCategoryId',
  'sensitivity',
  'confidentiality',
  'containsPersonalData',
  'currentPlacement',
  'plannedPlacement',
  'notes',
];

export function toColumns(rows: readonly PreparedAsset[]): PreparedColumns {
  const out = Object.fromEntries(PREPARED_KEYS.map((k) => [k, new Array(rows.length)])) as Record<keyof PreparedAsset, unknown[]>;
  rows.forEach((r, i) => {
    for (const k of PREPARED_KEYS) out[k][i] = r[k];
  });
  return out as PreparedColumns;
}

/** Column index for each mapped field. */
export type FieldColumns = Partial<Record<TImportField, number>>;

export const fieldColumns = (mapping: ImportMapping): FieldColumns => mappedColumns(mapping);

export interface RowState {
  /** nameKey → first row number it appeared on, within this file. */
  seenNames: Map<string, number>;
  /** departmentKey → name, for departments the file names that do not exist yet (created by the commit). */
  newDepartments: Map<string, string>;
  /** Sum of the valid rows' computed totals so far, in yen (compared with a totals row). */
  sumYen: bigint;
}

export const newRowState = (): RowState => ({ seenNames: new Map(), newDepartments: new Map(), sumYen: 0n });

/**
 * The line under the table that only carries the sum (図11 ends with
 * 「10,044 万」 under 資産総額): nothing in the asset fields, a total in its column.
 */
export function isTotalsRow(cells: readonly Cell[], columns: FieldColumns): boolean {
  const total = columns.totalValue;
  if (total === undefined) return false;
  const filled = (c: Cell | undefined) => c !== undefined && c !== null && !(typeof c === 'string' && c.trim() === '');
  if (!filled(cells[total])) return false;
  const assetFields: TImportField[] = ['name', 'medium', 'records', 'rank', 'unitValueThousandYen', 'content', 'location', 'owner'];
  return assetFields.every((f) => columns[f] === undefined || !filled(cells[columns[f]!]));
}

/** The notice for a totals row: skipped, with the file's sum beside the computed one. */
export function totalsRowIssue(cells: readonly Cell[], rowNumber: number, columns: FieldColumns, state: RowState): RowIssue {
  const read = readTotalYen(cells[columns.totalValue!] ?? null);
  // Amounts travel as yen (decimal strings); the message formats them in the reader's language.
  const file = read.ok && read.value !== null ? read.value.toString() : String(cells[columns.totalValue!] ?? '').slice(0, 40);
  return { rowNumber, field: 'totalValue', column: columns.totalValue!, code: 'totalsRow', params: { file, computed: state.sumYen.toString() }, severity: 'notice' };
}


/**
 * One data row: the asset it describes, or every problem with it (a row with
 * any problem yields no asset). `rowNumber` is the spreadsheet row (the header
 * is row 1 in a CSV).
 */
export function validateRow(
  cells: readonly Cell[],
  rowNumber: number,
  columns: FieldColumns,
  lookups: ImportLookups,
  state: RowState,
  mappedColumns: ReadonlySet<number>,
  headerCount: number,
): { asset: PreparedAsset | null; issues: RowIssue[] } {
  const issues: RowIssue[] = [];
  const cellOf = (field: TImportField): Cell => {
    const c = columns[field];
    return c === undefined ? null : (cells[c] ?? null);
  };
  const issue = (field: TImportField | null, code: IssueCode, params?: Record<string, string | number>) =>
    issues.push({ rowNumber, field, column: field ? (columns[field] ?? null) : null, code, ...(params ? { params } : {}) });
  function take<T>(field: TImportField, read: Read<T>): T | undefined {
    if (read.ok) return read.value;
    issue(field, read.code, read.params);
    return undefined;
  }

  const name = take('name', readText(cellOf('name'), ASSET_NAME_MAX));
  if (name === '') issue('name', 'required');
  const medium = take('medium', readMedium(cellOf('medium')));
  if (medium === null) issue('medium', 'required');
  const content = take('content', readText(cellOf('content'), ASSET_TEXT_MAX));
  const location = take('location', readText(cellOf('location'), ASSET_NAME_MAX));
  const notes = take('notes', readText(cellOf('notes'), ASSET_TEXT_MAX));
  const records = take('records', readRecords(cellOf('records')));
  if (records === null) issue('records', 'required');
  const rank = take('rank', readRank(cellOf('rank')));
  if (rank === null) issue('rank', 'required');
  const unit = take('unitValueThousandYen', readThousandYen(cellOf('unitValueThousandYen')));
  if (unit === null) issue('unitValueThousandYen', 'required');
  const sensitivity = take('sensitivity', readSensitivity(cellOf('sensitivity')));
  const confidentiality = take('confidentiality', readConfidentiality(cellOf('confidentiality')));
  const personal = take('containsPersonalData', readBoolean(cellOf('containsPersonalData')));
  const current = take('currentPlacement', readPlacement(cellOf('currentPlacement')));
  const planned = take('plannedPlacement', readPlacement(cellOf('plannedPlacement')));

  // 資産の責任者: by e-mail when given (exact); else a member by display name;
  // else a department or role (図11 writes 販売管理, 営業課 …), created by the commit when new.
  let ownerUserId: string | null | undefined = null;
  let ownerDepartment: string | null = null;
  const email = take('ownerEmail', readText(cellOf('ownerEmail'), 254));
  const ownerText = take('owner', readText(cellOf('owner'), 200));
  if (email) {
    const m = lookups.membersByEmail.get(email.toLowerCase());
    if (m) ownerUserId = m.userId;
    else {
      ownerUserId = undefined;
      issue('ownerEmail', 'unknownOwner', { value: email.slice(0, 80) });
    }
  } else if (ownerText) {
    const byEmail = ownerText.includes('@') ? lookups.membersByEmail.get(ownerText.toLowerCase()) : undefined;
    const byName = lookups.membersByName.get(memberNameKey(ownerText)) ?? [];
    if (byEmail) ownerUserId = byEmail.userId;
    else if (byName.length === 1) ownerUserId = byName[0].userId;
    else if (byName.length > 1) {
      ownerUserId = undefined;
      issue('owner', 'ambiguousOwner', { value: ownerText.slice(0, 80) });
    } else if (ownerText.includes('@')) {
      ownerUserId = undefined;
      issue('owner', 'unknownOwner', { value: ownerText.slice(0, 80) });
    } else if (ownerText.length > DEPARTMENT_NAME_MAX) {
      ownerUserId = undefined;
      issue('owner', 'tooLong', { max: DEPARTMENT_NAME_MAX });
    } else {
      const key = departmentKey(ownerText);
      const existing = lookups.departmentsByKey.get(key);
      ownerDepartment = existing?.name ?? state.newDepartments.get(key) ?? ownerText;
      if (!existing && !state.newDepartments.has(key)) state.newDepartments.set(key, ownerText);
    }
  } else if (email === undefined || ownerText === undefined) ownerUserId = undefined;

  const catalogRef = (field: 'assetClass' | 'informationGroup' | 'riskCategory', map: Map<string, string>): string | null | undefined => {
    const text = take(field, readText(cellOf(field), 200));
    if (text === undefined) return undefined;
    if (text === '') return null;
    const id = map.get(catalogKey(text));
    if (!id) {
      issue(field, 'unknownCatalogItem', { value: text.slice(0, 80) });
      return undefined;
    }
    return id;
  };
  const assetClassId = catalogRef('assetClass', lookups.assetClasses);
  const informationGroupId = catalogRef('informationGroup', lookups.informationGroups);
  const riskCategoryId = catalogRef('riskCategory', lookups.riskCategories);

  // Cells beyond the mapped columns with something in them: a shifted row, most likely.
  for (let i = headerCount; i < cells.length; i++) {
    const c = cells[i];
    if (c !== null && !(typeof c === 'string' && c.trim() === '') && !mappedColumns.has(i)) {
      issues.push({ rowNumber, field: null, column: i, code: 'extraCells', params: { column: i + 1 } });
      break;
    }
  }

  if (name) {
    const key = nameKey(name);
    const first = state.seenNames.get(key);
    if (first !== undefined) issue('name', 'duplicateInFile', { row: first });
    else {
      state.seenNames.set(key, rowNumber);
      if (lookups.existingNames.has(key)) issue('name', 'duplicateExisting', { value: name.slice(0, 80) });
    }
  }

  // 資産総額 as the file writes it: compared, never taken (the total is records x unit value).
  const totalCell = cellOf('totalValue');
  if (columns.totalValue !== undefined && totalCell !== null && !(typeof totalCell === 'string' && totalCell.trim() === '')) {
    const read = readTotalYen(totalCell);
    if (!read.ok) issues.push({ rowNumber, field: 'totalValue', column: columns.totalValue, code: 'totalUnreadable', params: { value: String(totalCell).trim().slice(0, 40) }, severity: 'notice' });
    else if (read.value !== null && records != null && unit != null) {
      const computed = BigInt(records) * unit;
      if (computed !== read.value)
        issues.push({ rowNumber, field: 'totalValue', column: columns.totalValue, code: 'totalDiffers', params: { file: read.value.toString(), computed: computed.toString() }, severity: 'notice' });
    }
  }

  if (issues.some((i) => i.severity !== 'notice')) return { asset: null, issues };
  state.sumYen += BigInt(records!) * unit!;
  return {
    asset: {
      rowNumber,
      name: name!,
      medium: medium!,
      content: content!,
      location: location!,
      ownerUserId: ownerUserId ?? null,
      ownerDepartment,
      records: records!,
      rank: rank!,
      unitValueYen: unit!.toString(),
      assetClassId: assetClassId ?? null,
      informationGroupId: informationGroupId ?? null,
      riskCategoryId: riskCategoryId ?? null,
      sensitivity: sensitivity ?? null,
      confidentiality: confidentiality ?? null,
      containsPersonalData: personal ?? false,
      currentPlacement: current ?? 'on_premises',
      plannedPlacement: planned ?? null,
      notes: notes!,
    },
    issues,
  };
}
