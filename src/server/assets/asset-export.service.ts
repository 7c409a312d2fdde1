import type { Readable } from 'node:stream';
import { yenToThousandYen } from '../../shared/assets/asset-money.ts';
import { IMPORT_FIELDS, type TImportField } from '../../shared/schemas/asset.schema.ts';
import type { TLocale } from '../../shared/schemas/common.schema.ts';
import { DataContext } from '../platform/db/data-context.ts';
import type { OrgAuthContext } from '../platform/http/route.ts';
import { exportHeaders as fieldHeaders } from '../platform/transfer/header.rules.ts';
import { csvExport, jsonExport, xlsxExport, type ExportValue } from '../platform/transfer/export.writer.ts';
import { assetClassifications, type AssetChoice } from './asset-catalog.ts';
import { choiceLabel } from './asset-import.cells.ts';
import { ASSET_IMPORT_FIELDS } from './asset-import.headers.ts';
import { allAssets, type AssetRow } from './asset.repository.ts';
import { neutraliseCell } from './asset.rules.ts';
import type { AssetDeps } from './asset.service.ts';

/**
 * Exporting the inventory through the pipeline's writers (platform/transfer):
 * CSV (UTF-8 with BOM and CRLF, which Excel in Japan opens as it is) or XLSX,
 * with the headers the importer maps automatically (the register's field
 * list), in the user's language, or JSON keyed by the fields' names. Streamed
 * in keyset pages, so memory stays flat at any size. Text cells that a
 * spreadsheet would run as a formula are neutralised (`neutraliseCell`) in
 * CSV and XLSX, never in JSON; the importer undoes it.
 */

/**
 * The columns, in order: every field the importer maps (the seed's 図11 first,
 * then Kumoji's classification), with the row number first; so an export
 * imports again as it is.
 */
export const EXPORT_FIELDS: readonly TImportField[] = ['number', ...IMPORT_FIELDS.filter((f) => f !== 'number')];

const EXPORT_FIELD_LIST = EXPORT_FIELDS.map((name) => ASSET_IMPORT_FIELDS.find((f) => f.name === name)!);

export const exportHeaders = (locale: TLocale) => fieldHeaders(EXPORT_FIELD_LIST, locale);

type Value = ExportValue;

function rowValues(a: AssetRow, n: number, locale: TLocale, labels: Map<string, AssetChoice>, spreadsheet: boolean): Value[] {
  const text = (s: string | null) => (s === null || s === '' ? null : spreadsheet ? neutraliseCell(s) : s);
  const label = (id: string | null) => (id ? text(labels.get(id)?.label[locale] ?? id) : null);
  const total = BigInt(a.records) * BigInt(a.unitValueYen);
  const values: Record<TImportField, Value> = {
    number: n,
    name: text(a.name),
    medium: choiceLabel('medium', a.medium as 'electronic', locale),
    content: text(a.content),
    location: text(a.location),
    owner: a.ownerUserId ? text(a.ownerDisplayName) : a.ownerDepartmentId ? text(a.ownerDepartmentName) : null,
    ownerEmail: a.ownerUserId ? text(a.ownerEmail) : null,
    records: a.records,
    rank: a.rank,
    unitValueThousandYen: yenToThousandYen(BigInt(a.unitValueYen)),
    totalValue: total.toString(),
    assetClass: label(a.assetClassId),
    informationGroup: label(a.informationGroupId),
    riskCategory: label(a.riskCategoryId),
    sensitivity: a.sensitivity ? choiceLabel('sensitivity', a.sensitivity as 'basic', locale) : null,
    confidentiality: a.confidentiality ? choiceLabel('confidentiality', a.confidentiality as 'high', locale) : null,
    containsPersonalData: choiceLabel('boolean', a.containsPersonalData ? 'true' : 'false', locale),
    currentPlacement: choiceLabel('placement', a.currentPlacement as 'cloud', locale),
    plannedPlacement: a.plannedPlacement ? choiceLabel('placement', a.plannedPlacement as 'cloud', locale) : null,
    notes: text(a.notes),
  };
  return EXPORT_FIELDS.map((f) => values[f]);
}

async function labelIndex(ctx: DataContext): Promise<Map<string, AssetChoice>> {
  const c = await assetClassifications(ctx);
  return new Map([...c.assetClasses, ...c.informationGroups, ...c.riskCategories].map((x) => [x.id, x]));
}

async function* exportRows(ctx: DataContext, locale: TLocale, spreadsheet = true): AsyncGenerator<Value[]> {
  const labels = await labelIndex(ctx);
  let n = 0;
  for await (const page of allAssets(ctx)) for (const a of page) yield rowValues(a, ++n, locale, labels, spreadsheet);
}

export function exportFileName(format: 'csv' | 'xlsx' | 'json', locale: TLocale, now = new Date()): { fileName: string; asciiName: string } {
  const day = now.toISOString().slice(0, 10);
  return { asciiName: `asset-inventory-${day}.${format}`, fileName: `${locale === 'ja' ? '資産目録' : 'asset-inventory'}-${day}.${format}` };
}

export function exportCsv(deps: AssetDeps, auth: OrgAuthContext, locale: TLocale): Readable {
  return csvExport(exportHeaders(locale), exportRows(DataContext.ofMember(deps.database, auth), locale));
}

const RECORDS = EXPORT_FIELDS.indexOf('records');
const UNIT = EXPORT_FIELDS.indexOf('unitValueThousandYen');
const TOTAL = EXPORT_FIELDS.indexOf('totalValue');

/** Numbers as numbers, so the sheet can add them up; a total beyond 2^53 stays text to stay exact. */
function sheetCells(r: Value[]): Value[] {
  const cells: Value[] = [...r];
  cells[UNIT] = Number(r[UNIT]);
  const t = BigInt(r[TOTAL] as string);
  cells[TOTAL] = t <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(t) : (r[TOTAL] as string);
  cells[RECORDS] = r[RECORDS];
  return cells;
}

export function exportXlsx(deps: AssetDeps, auth: OrgAuthContext, locale: TLocale): Readable {
  const sheet = locale === 'ja' ? '資産目録' : 'Asset inventory';
  return xlsxExport(sheet, exportHeaders(locale), exportRows(DataContext.ofMember(deps.database, auth), locale), sheetCells);
}

/** The same fields by their names, numbers as the sheet stores them, text as it is. */
export function exportJson(deps: AssetDeps, auth: OrgAuthContext, locale: TLocale): Readable {
  async function* rows() {
    for await (const r of exportRows(DataContext.ofMember(deps.database, auth), locale, false)) yield sheetCells(r);
  }
  return jsonExport(EXPORT_FIELDS, rows());
}
