import { IMPORT_FIELDS, REQUIRED_IMPORT_FIELDS, type TImportField } from '../../shared/schemas/asset.schema.ts';

// Which header of an asset file means which field: Japanese as in seed 000 図11, or English.

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

