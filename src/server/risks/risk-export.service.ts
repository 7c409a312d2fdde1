import type { Readable } from 'node:stream';
import type { TFunction } from 'i18next';
import type { TRisk } from '../../shared/risks/risk.schema.ts';
import type { TLocale } from '../../shared/schemas/common.schema.ts';
import type { Clock } from '../platform/clock.ts';
import type { DataContext } from '../platform/db/data-context.ts';
import { translator } from '../platform/i18n/translate.ts';
import { datedFileName } from '../platform/register/export.route.ts';
import { fieldHeaders, fieldValues, type RegisterField } from '../platform/register/register-fields.ts';
import { neutraliseCell } from '../platform/transfer/cell-text.ts';
import { csvExport, jsonExport, xlsxWorkbook, type ExportFormat, type ExportValue } from '../platform/transfer/export.writer.ts';
import { heatMap, treatedEstimate, type HeatCell } from './risk-analysis.rules.ts';
import type { RiskScale } from './risk-rating.rules.ts';
import { listPolicies, riskRegister, riskScaleOf } from './risk.repository.ts';
import { presentRisks } from './risk.service.ts';

/**
 * The risk register as a file (issue 10: CSV/XLSX export with the matrix as a
 * sheet): one row per risk with its estimates, ratings, expected loss,
 * treatment and decisions, in the user's language; the workbook adds the heat
 * map's grid (likelihood × impact, residual and inherent counts) with each
 * band's bounds, so the file reads on its own. Rows stream a page at a time
 * through the kit's export writer.
 */

/** A risk as the export sees it: the API's presentation plus the name of its policy. */
interface ExportedRisk {
  risk: TRisk;
  policyName: string | null;
}

/** A column's label in both languages: "固有リスク 年間発生頻度(回/年)", "Inherent events a year". */
const both = (key: string, prefix?: string): { ja: string; en: string } => {
  const of = (t: TFunction, lowerAfterPrefix: boolean) => {
    if (!prefix) return t(key);
    const rest = t(key);
    return `${t(prefix)} ${lowerAfterPrefix ? rest.charAt(0).toLowerCase() + rest.slice(1) : rest}`;
  };
  return { ja: of(translator('ja'), false), en: of(translator('en'), true) };
};

/** The register's columns; labels come from the risks module's messages, values in the requested language. */
function riskFields(locale: TLocale): RegisterField<ExportedRisk>[] {
  const t = translator(locale);
  const estimate = (prefix: string, pick: (r: TRisk) => TRisk['inherent']) => [
    { key: `${prefix}AnnualFrequency`, label: both('risks.fields.annualFrequency', `risks.${prefix}`), value: (e: ExportedRisk) => pick(e.risk).annualFrequency },
    { key: `${prefix}LowYen`, label: both('risks.fields.lowYen', `risks.${prefix}`), value: (e: ExportedRisk) => pick(e.risk).lowYen },
    { key: `${prefix}HighYen`, label: both('risks.fields.highYen', `risks.${prefix}`), value: (e: ExportedRisk) => pick(e.risk).highYen },
  ];
  const rating = (name: 'inherent' | 'current' | 'residual') => [
    { key: `${name}Likelihood`, label: both('risks.export.likelihood', `risks.export.${name}`), value: (e: ExportedRisk) => e.risk.ratings[name].likelihood },
    { key: `${name}Impact`, label: both('risks.export.impact', `risks.export.${name}`), value: (e: ExportedRisk) => e.risk.ratings[name].impact },
    { key: `${name}Score`, label: both('risks.export.score', `risks.export.${name}`), value: (e: ExportedRisk) => e.risk.ratings[name].score },
    { key: `${name}Level`, label: both('risks.export.level', `risks.export.${name}`), value: (e: ExportedRisk) => t(`risks.level.${e.risk.ratings[name].level}`) },
  ];
  return [
    { key: 'title', label: both('risks.fields.title'), value: (e) => e.risk.title },
    { key: 'threat', label: both('risks.fields.threat'), value: (e) => (e.risk.threat ? e.risk.threat[locale] : null) },
    { key: 'bearer', label: both('risks.fields.bearer'), value: (e) => t(`risks.bearer.${e.risk.bearer}`) },
    { key: 'owner', label: both('risks.fields.owner'), value: (e) => e.risk.ownerName },
    { key: 'status', label: both('risks.fields.status'), value: (e) => t(`risks.status.${e.risk.status}`) },
    ...estimate('inherent', (r) => r.inherent),
    ...rating('inherent'),
    ...rating('current'),
    { key: 'treatment', label: both('risks.fields.treatment'), value: (e) => t(`risks.treatment.${e.risk.treatment}`) },
    ...estimate('residual', (r) => treatedEstimate(r)),
    ...rating('residual'),
    { key: 'aleInherentYen', label: both('risks.export.aleInherent'), value: (e) => Math.round(e.risk.aleYen.inherent) },
    { key: 'aleTreatedYen', label: both('risks.export.aleTreated'), value: (e) => Math.round(e.risk.aleYen.treated) },
    { key: 'plannedControls', label: both('risks.fields.plannedControls'), value: (e) => e.risk.plannedControls },
    { key: 'insurancePolicy', label: both('risks.fields.policy'), value: (e) => e.policyName },
    { key: 'sublimitYen', label: both('risks.fields.sublimitYen'), value: (e) => e.risk.sublimitYen },
    { key: 'nextReviewOn', label: both('risks.fields.nextReview'), value: (e) => e.risk.nextReviewOn },
    { key: 'acceptedBy', label: both('risks.export.acceptedBy'), value: (e) => e.risk.acceptance?.acceptedBy ?? null },
    { key: 'acceptanceExpiresOn', label: both('risks.fields.expiresOn'), value: (e) => e.risk.acceptance?.expiresOn ?? null },
    { key: 'description', label: both('risks.fields.description'), value: (e) => e.risk.description },
  ];
}

const neutral = (v: ExportValue): ExportValue => (typeof v === 'string' ? neutraliseCell(v) : v);
const asExportValue = (v: string | number | boolean | null): ExportValue => (typeof v === 'boolean' ? String(v) : v);

/** Every risk, highest residual first (the register's default sort), with the ratings the matrix counts. */
async function* exportedRisks(ctx: DataContext, clock: Clock, seen: TRisk[]): AsyncGenerator<ExportedRisk> {
  const policyNames = new Map((await listPolicies(ctx)).map((p) => [p.id, p.name]));
  for await (const page of riskRegister.exportPages(ctx, 500)) {
    for (const risk of await presentRisks(ctx, clock, page)) {
      seen.push(risk);
      yield { risk, policyName: risk.insurancePolicyId ? (policyNames.get(risk.insurancePolicyId) ?? null) : null };
    }
  }
}

/** Values in field order; text that a spreadsheet would run as a formula is neutralised in CSV and XLSX, not in JSON. */
async function* valuesOf(fields: RegisterField<ExportedRisk>[], risks: AsyncIterable<ExportedRisk>, spreadsheet: boolean): AsyncGenerator<ExportValue[]> {
  for await (const r of risks) yield fieldValues(fields, r).map((v) => (spreadsheet ? neutral(asExportValue(v)) : asExportValue(v)));
}

const yenFormat = (n: number, locale: TLocale) => n.toLocaleString(locale === 'ja' ? 'ja-JP' : 'en-US');

/** Each band with its bounds on the scale: 影響 3(500万円超〜2,000万円以下). */
export function bandLabels(scale: RiskScale, locale: TLocale): { likelihood: string[]; impact: string[] } {
  const t = translator(locale);
  const label = (uppers: number[], unit: (n: number) => string, name: string) =>
    Array.from({ length: uppers.length + 1 }, (_, i) => {
      const band = i + 1;
      const range =
        i === 0
          ? t('risks.export.bandUpTo', { upper: unit(uppers[0]!) })
          : i === uppers.length
            ? t('risks.export.bandAbove', { lower: unit(uppers[i - 1]!) })
            : t('risks.export.bandBetween', { lower: unit(uppers[i - 1]!), upper: unit(uppers[i]!) });
      return t(name, { band, range });
    });
  return {
    likelihood: label(scale.likelihoodUpperPerYear, (n) => t('risks.export.perYear', { n: n.toLocaleString(locale === 'ja' ? 'ja-JP' : 'en-US') }), 'risks.export.likelihoodBand'),
    impact: label(scale.impactUpperYen, (n) => t('risks.export.yenAmount', { n: yenFormat(n, locale) }), 'risks.export.impactBand'),
  };
}

/**
 * The matrix sheet: for the residual and then the inherent ratings, one row
 * per likelihood band from the highest down and one column per impact band,
 * each cell the number of risks in it, as the heat map draws them.
 */
export function matrixRows(risks: readonly TRisk[], scale: RiskScale, locale: TLocale): { headers: string[]; rows: ExportValue[][] } {
  const t = translator(locale);
  const labels = bandLabels(scale, locale);
  const block = (name: 'residual' | 'inherent', cells: HeatCell[]): ExportValue[][] => {
    const nI = labels.impact.length;
    const rows: ExportValue[][] = [[t(`risks.export.matrixOf.${name}`), ...labels.impact.map(() => null)]];
    for (let likelihood = labels.likelihood.length; likelihood >= 1; likelihood--) {
      rows.push([labels.likelihood[likelihood - 1]!, ...Array.from({ length: nI }, (_, i) => cells[(likelihood - 1) * nI + i]!.count)]);
    }
    return rows;
  };
  return {
    headers: [t('risks.export.matrixCorner'), ...labels.impact],
    rows: [
      ...block('residual', heatMap(risks.map((r) => r.ratings.residual), scale)),
      [null],
      ...block('inherent', heatMap(risks.map((r) => r.ratings.inherent), scale)),
    ],
  };
}

export function riskExportFileName(format: ExportFormat, locale: TLocale, now: Date): { fileName: string; asciiName: string } {
  const day = now.toISOString().slice(0, 10);
  return datedFileName(format, locale, 'risks.export.fileName', 'risk-register', day);
}

/** The register as CSV (UTF-8 with BOM), JSON, or XLSX with the matrix as a second sheet. */
export async function exportRisks(ctx: DataContext, clock: Clock, format: ExportFormat, locale: TLocale): Promise<Readable> {
  const fields = riskFields(locale);
  const seen: TRisk[] = [];
  if (format === 'csv') return csvExport(fieldHeaders(fields, locale), valuesOf(fields, exportedRisks(ctx, clock, seen), true));
  if (format === 'json') return jsonExport(fields.map((f) => f.key), valuesOf(fields, exportedRisks(ctx, clock, seen), false));
  const t = translator(locale);
  const scale = await riskScaleOf(ctx);
  return xlsxWorkbook([
    { name: t('risks.export.registerSheet'), headers: fieldHeaders(fields, locale), rows: () => valuesOf(fields, exportedRisks(ctx, clock, seen), true) },
    {
      name: t('risks.export.matrixSheet'),
      headers: matrixRows([], scale, locale).headers,
      rows: async function* () {
        yield* matrixRows(seen, scale, locale).rows;
      },
    },
  ]);
}
