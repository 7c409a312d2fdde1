import { MAX_RECORDS, thousandYenToYen } from '../../shared/assets/asset-money.ts';
import {
  ASSET_NAME_MAX,
  ASSET_TEXT_MAX,
  IMPORT_FIELDS,
  REQUIRED_IMPORT_FIELDS,
  type TConfidentiality,
  type TImportField,
  type TMedium,
  type TPlacement,
  type TRank,
  type TSensitivity,
} from '../../shared/schemas/asset.schema.ts';
import { CONTROL_CHARS } from '../../shared/schemas/common.schema.ts';
import { departmentKey, DEPARTMENT_NAME_MAX } from '../platform/orgs/department.rules.ts';
import { restoreCell } from './asset.rules.ts';

/**
 * Pure rules of the asset import: which header means which field (Japanese as
 * in seed 000 図11, or English), how each cell is read, and what is wrong with
 * a row. No I/O: the service streams rows through `validateRow`.
 */

/* ---------------------------------------------------------------- headers */

/** Header spellings per field, compared after `normaliseHeader`. The first of each is what the export writes. */
export const HEADER_ALIASES: Record<TImportField, { ja: string[]; en: string[] }> = {
  number: { ja: ['No', '番号', 'No.'], en: ['No.', '#', 'Number'] },
  name: { ja: ['情報資産名', '資産名', '情報資産', '名称'], en: ['Information asset', 'Name', 'Asset name', 'Asset'] },
  medium: { ja: ['媒体'], en: ['Medium', 'Media'] },
  content: { ja: ['内容'], en: ['Content', 'Contents', 'Description'] },
  location: { ja: ['場所', '保管場所'], en: ['Location', 'Place'] },
  owner: { ja: ['資産の責任者', '責任者', '管理責任者', '資産の管理責任者'], en: ['Asset owner', 'Owner', 'Risk owner'] },
  ownerEmail: { ja: ['資産の責任者(メール)', '責任者のメールアドレス', '責任者メール'], en: ['Asset owner (e-mail)', 'Owner email', 'Owner e-mail'] },
  records: { ja: ['データ総件数', 'データ件数', '件数'], en: ['Records', 'Number of records', 'Record count'] },
  rank: { ja: ['ランク'], en: ['Rank'] },
  unitValueThousandYen: {
    ja: ['千円', '値踏み額(千円)', '値踏み額', '単価(千円)'],
    en: ['Unit value (thousand yen)', 'Unit value', 'Thousand yen'],
  },
  totalValue: { ja: ['資産総額(円)', '資産総額'], en: ['Total value (yen)', 'Total value'] },
  assetClass: { ja: ['資産の分類区分', '分類区分', '資産分類'], en: ['Asset class', 'Class'] },
  informationGroup: { ja: ['情報資産グループ', 'グループ'], en: ['Information-asset group', 'Information group', 'Group'] },
  riskCategory: { ja: ['リスクカテゴリー', 'リスクカテゴリ'], en: ['Risk category'] },
  sensitivity: { ja: ['機微度'], en: ['Sensitivity'] },
  confidentiality: { ja: ['機密性', '機密度'], en: ['Confidentiality'] },
  containsPersonalData: { ja: ['個人情報を含む', '個人情報'], en: ['Contains personal data', 'Personal data'] },
  currentPlacement: { ja: ['現在の配置', '現在の保管先'], en: ['Current placement', 'Placed now'] },
  plannedPlacement: { ja: ['移行予定の配置', '移行先'], en: ['Planned placement', 'Planned'] },
  notes: { ja: ['備考', 'メモ'], en: ['Notes', 'Note', 'Remarks'] },
};

/** NFKC (全角→半角), lower case, no spaces, underscores or hyphens: "資産の責任者（メール）" = "資産の責任者(メール)". */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-‐－・]/g, '')
    .replace(/\.$/, '');
}

const ALIAS_INDEX: Map<string, TImportField> = (() => {
  const m = new Map<string, TImportField>();
  for (const field of IMPORT_FIELDS) {
    for (const alias of [...HEADER_ALIASES[field].ja, ...HEADER_ALIASES[field].en]) {
      const key = normaliseHeader(alias);
      if (!m.has(key)) m.set(key, field);
    }
  }
  return m;
})();

export type ImportMapping = Record<string, TImportField | null>;

/** A first mapping from the file's headers; each field goes to its first matching column, the rest are ignored. */
export function suggestMapping(headers: readonly string[]): ImportMapping {
  const used = new Set<TImportField>();
  const mapping: ImportMapping = {};
  headers.forEach((h, i) => {
    const field = ALIAS_INDEX.get(normaliseHeader(h)) ?? null;
    if (field && !used.has(field)) {
      used.add(field);
      mapping[String(i)] = field;
    } else mapping[String(i)] = null;
  });
  return mapping;
}

export interface MappingProblem {
  code: 'mappingColumnUnknown' | 'mappingFieldTwice' | 'mappingRequiredMissing';
  params: Record<string, string>;
}

export function mappingProblems(mapping: ImportMapping, columnCount: number): MappingProblem[] {
  const problems: MappingProblem[] = [];
  const seen = new Map<TImportField, string>();
  for (const [column, field] of Object.entries(mapping)) {
    const index = Number(column);
    if (!Number.isInteger(index) || index < 0 || index >= columnCount) {
      problems.push({ code: 'mappingColumnUnknown', params: { column: String(index + 1) } });
      continue;
    }
    if (!field) continue;
    if (seen.has(field)) problems.push({ code: 'mappingFieldTwice', params: { field, columns: `${Number(seen.get(field)) + 1}, ${index + 1}` } });
    else seen.set(field, column);
  }
  for (const field of REQUIRED_IMPORT_FIELDS) if (!seen.has(field)) problems.push({ code: 'mappingRequiredMissing', params: { field } });
  return problems;
}

/* ------------------------------------------------------------------ cells */

/** A cell as read: text (CSV, or a text cell of XLSX), a number (XLSX), a formula (XLSX), or empty. */
export type Cell = string | number | { formula: string } | null;

export type IssueCode =
  | 'required'
  | 'tooLong'
  | 'controlChars'
  | 'formula'
  | 'formulaCell'
  | 'notNumber'
  | 'notInteger'
  | 'negative'
  | 'tooBig'
  | 'tooManyDecimals'
  | 'invalidRank'
  | 'invalidMedium'
  | 'invalidChoice'
  | 'invalidBoolean'
  | 'invalidPlacement'
  | 'unknownOwner'
  | 'ambiguousOwner'
  | 'unknownCatalogItem'
  | 'duplicateInFile'
  | 'duplicateExisting'
  | 'extraCells'
  | 'totalDiffers'
  | 'totalUnreadable'
  | 'totalsRow';

/** Issues that are shown but do not refuse the file: the import keeps its own computed value. */
export const NOTICE_CODES: ReadonlySet<IssueCode> = new Set(['totalDiffers', 'totalUnreadable', 'totalsRow']);

export interface RowIssue {
  rowNumber: number;
  field: TImportField | null;
  column: number | null;
  code: IssueCode;
  params?: Record<string, string | number>;
  severity?: 'error' | 'notice';
}


type Read<T> = { ok: true; value: T } | { ok: false; code: IssueCode; params?: Record<string, string | number> };

const fail = <T>(code: IssueCode, params?: Record<string, string | number>): Read<T> => ({ ok: false, code, ...(params ? { params } : {}) });

/** The text of a cell, trimmed, with the export's formula neutralisation undone. */
export function readText(cell: Cell, max: number): Read<string> {
  if (cell === null) return { ok: true, value: '' };
  if (typeof cell === 'object') return fail('formulaCell');
  const raw = typeof cell === 'number' ? String(cell) : cell.trim();
  const restored = restoreCell(raw);
  if (!restored.ok) return fail('formula');
  const value = restored.value.trim();
  if (CONTROL_CHARS.test(value)) return fail('controlChars');
  if (value.length > max) return fail('tooLong', { max });
  return { ok: true, value };
}

/** Digits as people type them in Japan: 全角 digits, thousands separators, surrounding spaces. */
function numberText(cell: string): string {
  return cell.normalize('NFKC').replace(/[,，\s]/g, '');
}

export function readRecords(cell: Cell): Read<number | null> {
  if (cell === null || (typeof cell === 'string' && cell.trim() === '')) return { ok: true, value: null };
  if (typeof cell === 'object') return fail('formulaCell');
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return fail('notNumber');
    if (cell < 0) return fail('negative');
    if (!Number.isInteger(cell)) return fail('notInteger');
    if (cell > MAX_RECORDS) return fail('tooBig', { max: MAX_RECORDS });
    return { ok: true, value: cell };
  }
  const text = numberText(cell);
  if (/^-\d+(\.\d+)?$/.test(text)) return fail('negative');
  if (/^\d+\.\d+$/.test(text)) return /^\d+\.0+$/.test(text) ? readRecords(text.split('.')[0]) : fail('notInteger');
  if (!/^\d+$/.test(text)) return fail('notNumber');
  if (text.length > 16 || Number(text) > MAX_RECORDS) return fail('tooBig', { max: MAX_RECORDS });
  return { ok: true, value: Number(text) };
}

/** 千円 per record → whole yen (exact). */
export function readThousandYen(cell: Cell): Read<bigint | null> {
  if (cell === null || (typeof cell === 'string' && cell.trim() === '')) return { ok: true, value: null };
  if (typeof cell === 'object') return fail('formulaCell');
  let text: string;
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return fail('notNumber');
    // The shortest decimal that reads back as this double: 0.5 → "0.5", 0.1 → "0.1".
    text = String(cell);
    if (/e/i.test(text)) return cell < 0 ? fail('negative') : Math.abs(cell) < 1 ? fail('tooManyDecimals') : fail('tooBig', { max: '1000000000' });
  } else text = numberText(cell);
  if (/^-\d+(\.\d+)?$/.test(text)) return fail('negative');
  if (!/^\d+(\.\d+)?$/.test(text)) return fail('notNumber');
  const [whole, fraction = ''] = text.split('.');
  if (fraction.replace(/0+$/, '').length > 3) return fail('tooManyDecimals');
  const trimmed = `${whole.replace(/^0+(?=\d)/, '')}${fraction.replace(/0+$/, '') ? `.${fraction.replace(/0+$/, '')}` : ''}`;
  const yen = thousandYenToYen(trimmed);
  if (yen === null) return fail('tooBig', { max: '1000000000' });
  return { ok: true, value: yen };
}

/**
 * A 資産総額 cell as people write it: yen ("100440000", "1,500円"), or with the
 * seed's units ("3,000 万", "8万円", "1.2億"). Only ever compared with the
 * computed value, never stored.
 */
export function readTotalYen(cell: Cell): Read<bigint | null> {
  if (cell === null || (typeof cell === 'string' && cell.trim() === '')) return { ok: true, value: null };
  if (typeof cell === 'object') return fail('formulaCell');
  const text = typeof cell === 'number' ? String(cell) : numberText(cell).replace(/^[¥￥]/, '');
  const m = /^(\d+(?:\.\d+)?)(億|万|千)?円?$/.exec(text);
  if (!m) return fail('totalUnreadable', { value: String(cell).trim().slice(0, 40) });
  const unit = m[2] === '億' ? 100_000_000n : m[2] === '万' ? 10_000n : m[2] === '千' ? 1_000n : 1n;
  const [whole, fraction = ''] = m[1].split('.');
  const scale = 10n ** BigInt(fraction.length);
  const scaled = BigInt(whole + fraction) * unit;
  // A fraction of a yen cannot be a total: round half up to whole yen.
  return { ok: true, value: (scaled * 2n + scale) / (2n * scale) };
}

/**
 * The words of each choice, per language: the first is what the export writes
 * (so export then import gives the same value); all are accepted on import,
 * with the codes themselves.
 */
export const CHOICE_WORDS = {
  medium: {
    electronic: { ja: ['電子媒体', '電子', '電子データ', 'デジタル'], en: ['Electronic', 'Electronic media', 'Digital'] },
    paper: { ja: ['紙', '紙媒体'], en: ['Paper'] },
    other: { ja: ['その他'], en: ['Other'] },
  },
  rank: { A: { ja: ['A'], en: ['A'] }, B: { ja: ['B'], en: ['B'] }, C: { ja: ['C'], en: ['C'] } },
  sensitivity: {
    basic: { ja: ['基本'], en: ['Basic'] },
    sensitive: { ja: ['センシティブ'], en: ['Sensitive'] },
    exceptional: { ja: ['例外的'], en: ['Exceptional'] },
  },
  confidentiality: { high: { ja: ['高'], en: ['High'] }, medium: { ja: ['中'], en: ['Medium'] }, low: { ja: ['低'], en: ['Low'] } },
  placement: {
    on_premises: { ja: ['オンプレミス', 'オンプレ', '社内'], en: ['On premises', 'On-premises', 'Onpremises'] },
    cloud: { ja: ['クラウド'], en: ['Cloud'] },
  },
  boolean: {
    true: { ja: ['はい', '○', '〇', '有', 'あり'], en: ['Yes', 'y', 'true', '1'] },
    false: { ja: ['いいえ', '×', '無', 'なし'], en: ['No', 'n', 'false', '0'] },
  },
} as const;

type ChoiceKind = keyof typeof CHOICE_WORDS;

/** The word the export writes for a choice. */
export function choiceLabel<K extends ChoiceKind>(kind: K, code: keyof (typeof CHOICE_WORDS)[K] & string, locale: 'ja' | 'en'): string {
  return (CHOICE_WORDS[kind] as Record<string, { ja: readonly string[]; en: readonly string[] }>)[code][locale][0];
}

/** A choice cell: its code, or a word in either language, compared after NFKC and case folding. */
function choiceReader<T extends string>(kind: ChoiceKind, invalid: IssueCode) {
  const index = new Map<string, T>();
  for (const [code, words] of Object.entries(CHOICE_WORDS[kind]) as [T, { ja: readonly string[]; en: readonly string[] }][]) {
    for (const w of [code, ...words.ja, ...words.en]) index.set(normaliseHeader(w), code);
  }
  return (cell: Cell): Read<T | null> => {
    if (cell === null) return { ok: true, value: null };
    if (typeof cell === 'object') return fail('formulaCell');
    const text = String(cell).trim();
    if (text === '') return { ok: true, value: null };
    const found = index.get(normaliseHeader(text));
    return found ? { ok: true, value: found } : fail(invalid, { value: text.slice(0, 40) });
  };
}

export const readMedium = choiceReader<TMedium>('medium', 'invalidMedium');
export const readRank = choiceReader<TRank>('rank', 'invalidRank');
export const readSensitivity = choiceReader<TSensitivity>('sensitivity', 'invalidChoice');
export const readConfidentiality = choiceReader<TConfidentiality>('confidentiality', 'invalidChoice');
export const readPlacement = choiceReader<TPlacement>('placement', 'invalidPlacement');
const booleanReader = choiceReader<'true' | 'false'>('boolean', 'invalidBoolean');
export function readBoolean(cell: Cell): Read<boolean | null> {
  const r = booleanReader(typeof cell === 'number' ? String(cell) : cell);
  return r.ok ? { ok: true, value: r.value === null ? null : r.value === 'true' } : r;
}

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

/** What the database's unique index compares: lower() of a C-locale database folds ASCII letters only. */
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

export function fieldColumns(mapping: ImportMapping): FieldColumns {
  const out: FieldColumns = {};
  for (const [column, field] of Object.entries(mapping)) if (field && out[field] === undefined) out[field] = Number(column);
  return out;
}

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

export const isEmptyRow = (cells: readonly Cell[]) => cells.every((c) => c === null || (typeof c === 'string' && c.trim() === ''));

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
