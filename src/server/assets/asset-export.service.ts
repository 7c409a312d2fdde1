import { PassThrough, Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import { yenToThousandYen } from '../../shared/assets/asset-money.ts';
import { IMPORT_FIELDS, type TImportField } from '../../shared/schemas/asset.schema.ts';
import type { TLocale } from '../../shared/schemas/common.schema.ts';
import type { Db } from '../platform/db/database.ts';
import { DataContext } from '../platform/db/data-context.ts';
import type { OrgAuthContext } from '../platform/http/route.ts';
import { assetClassifications, type AssetChoice } from './asset-catalog.ts';
import { choiceLabel } from './asset-import.cells.ts';
import { HEADER_ALIASES } from './asset-import.headers.ts';
import { allAssets, type AssetRow } from './asset.repository.ts';
import { neutraliseCell } from './asset.rules.ts';
import type { AssetDeps } from './asset.service.ts';

/**
 * Exporting the inventory: CSV (UTF-8 with BOM and CRLF, which Excel in
 * Japan opens as it is) or XLSX, with the headers the importer maps
 * automatically, in the user's language. Streamed in keyset pages, so
 * memory stays flat at any size. Text cells that a spreadsheet would run as
 * a formula are neutralised (`neutraliseCell`); the importer undoes it.
 */

/**
 * The columns, in order: every field the importer maps (the seed's 図11 first,
 * then Kumoji's classification), with the row number first; so an export
 * imports again as it is.
 */
export const EXPORT_FIELDS: readonly TImportField[] = ['number', ...IMPORT_FIELDS.filter((f) => f !== 'number')];

export const exportHeaders = (locale: TLocale) => EXPORT_FIELDS.map((f) => HEADER_ALIASES[f][locale][0]);

type Value = string | number | null;

function rowValues(a: AssetRow, n: number, locale: TLocale, labels: Map<string, AssetChoice>): Value[] {
  const text = (s: string | null) => (s === null || s === '' ? null : neutraliseCell(s));
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

async function labelIndex(db: Db, organisationId: string): Promise<Map<string, AssetChoice>> {
  const c = await assetClassifications(db, organisationId);
  return new Map([...c.assetClasses, ...c.informationGroups, ...c.riskCategories].map((x) => [x.id, x]));
}

async function* exportRows(ctx: DataContext, locale: TLocale): AsyncGenerator<Value[]> {
  const labels = await labelIndex(ctx.db, ctx.organisationId);
  let n = 0;
  for await (const page of allAssets(ctx)) for (const a of page) yield rowValues(a, ++n, locale, labels);
}

export function exportFileName(format: 'csv' | 'xlsx', locale: TLocale, now = new Date()): { ascii: string; utf8: string } {
  const day = now.toISOString().slice(0, 10);
  return { ascii: `asset-inventory-${day}.${format}`, utf8: `${locale === 'ja' ? '資産目録' : 'asset-inventory'}-${day}.${format}` };
}

const BOM = '\ufeff';

export function exportCsv(deps: AssetDeps, auth: OrgAuthContext, locale: TLocale): Readable {
  const csv = stringify({ record_delimiter: 'windows', cast: { number: (v) => String(v) } });
  const rows = exportRows(DataContext.ofMember(deps.database, auth), locale);
  const out = new PassThrough();
  out.write(BOM);
  csv.pipe(out);
  void (async () => {
    try {
      csv.write(exportHeaders(locale));
      for await (const r of rows) if (!csv.write(r.map((v) => (v === null ? '' : v)))) await new Promise((res) => csv.once('drain', res));
      csv.end();
    } catch (e) {
      out.destroy(e as Error);
    }
  })();
  return out;
}

export function exportXlsx(deps: AssetDeps, auth: OrgAuthContext, locale: TLocale): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(locale === 'ja' ? '資産目録' : 'Asset inventory', { views: [{ state: 'frozen', ySplit: 1 }] });
  const rows = exportRows(DataContext.ofMember(deps.database, auth), locale);
  void (async () => {
    try {
      const header = sheet.addRow(exportHeaders(locale));
      header.font = { bold: true };
      header.commit();
      const records = EXPORT_FIELDS.indexOf('records');
      const unit = EXPORT_FIELDS.indexOf('unitValueThousandYen');
      const total = EXPORT_FIELDS.indexOf('totalValue');
      for await (const r of rows) {
        // Numbers as numbers, so the sheet can add them up; a total beyond 2^53 stays text to stay exact.
        const cells: Value[] = [...r];
        cells[unit] = Number(r[unit]);
        const t = BigInt(r[total] as string);
        cells[total] = t <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(t) : (r[total] as string);
        cells[records] = r[records];
        sheet.addRow(cells).commit();
      }
      sheet.commit();
      await workbook.commit();
    } catch (e) {
      out.destroy(e as Error);
    }
  })();
  return out;
}
