import { IMPORT_FIELDS, REQUIRED_IMPORT_FIELDS, type TImportField } from '../../shared/schemas/asset.schema.ts';
import { mappingProblems as fieldMappingProblems, suggestMapping as suggestFieldMapping, type FieldMapping, type MappingProblem, type TransferField } from '../platform/transfer/header.rules.ts';

export { normaliseHeader } from '../platform/transfer/header.rules.ts';

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

/**
 * The asset register's field list, in the order the import matches headers
 * (a label two fields share goes to the first) — the generic pipeline reads
 * it for header matching, mapping checks and the export's headers.
 */
export const ASSET_IMPORT_FIELDS: readonly TransferField<TImportField>[] = IMPORT_FIELDS.map((name) => ({
  name,
  labels: HEADER_ALIASES[name],
  required: REQUIRED_IMPORT_FIELDS.includes(name),
}));

export type ImportMapping = FieldMapping<TImportField>;

/** A first mapping from the file's headers; each field goes to its first matching column, the rest are ignored. */
export const suggestMapping = (headers: readonly string[]): ImportMapping => suggestFieldMapping(ASSET_IMPORT_FIELDS, headers);

export const mappingProblems = (mapping: ImportMapping, columnCount: number): MappingProblem[] => fieldMappingProblems(ASSET_IMPORT_FIELDS, mapping, columnCount);
