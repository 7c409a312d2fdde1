import type { TReport } from '../../shared/schemas/roadmap.schema.ts';
import type { DataContext } from '../platform/db/data-context.ts';
import { WEB_DIST } from '../platform/http/app.ts';
import type { Download, PagePrinter } from '../platform/http/download.ts';
import type { OrgAuthContext } from '../platform/http/route.ts';
import { presentProfile } from '../platform/orgs/organisation-profile.service.ts';
import { pdfAvailable } from '../platform/pdf/pdf.renderer.ts';
import { getAssessment } from './assessment.service.ts';
import { getDiagnosis } from './diagnosis.service.ts';
import { getRoadmap } from './roadmap.service.ts';
import { getStagesOverview, stageAndDiagnosis } from './stage.service.ts';

/**
 * The diagnosis report for the executive (A4, Japanese or English): profile,
 * answers, scores, the proposed stage with its reasons, suggested actions,
 * the roadmap and the gate decisions. The web app prints it
 * (/diagnosis/report); the PDF is that same page, rendered on the server.
 */

/** The printable page the PDF is made from, and the marker it sets when drawn. */
export const REPORT_PAGE = '/diagnosis/report';
export const REPORT_READY_ATTRIBUTE = 'data-report-ready';

/** Where the report is made: the instant it is read at, and the server's Chromium (whether a PDF can be had). */
export interface ReportSetting {
  now: Date;
  chromiumPath: string;
}

export async function getReport(ctx: DataContext, auth: OrgAuthContext, setting: ReportSetting): Promise<TReport> {
  const { sc, inputs } = await stageAndDiagnosis(ctx, setting.now);
  const [profileRow, industries, diagnosis, roadmap, stages] = await Promise.all([
    inputs.profile(),
    inputs.methodology.industries(),
    getDiagnosis(ctx, { current: sc.state.main.stage, xActive: sc.state.x.active }, inputs),
    getRoadmap(ctx, auth.user.timeZone, setting.now, sc),
    getStagesOverview(ctx, setting.now, { sc, inputs }),
  ]);
  const assessments = [];
  for (const list of inputs.lists) if (list.assessment) assessments.push(await getAssessment(ctx, list.assessment.id));
  return {
    generatedAt: sc.now.toISOString(),
    organisation: { name: auth.organisation.name },
    profile: presentProfile(profileRow, industries, auth),
    diagnosis,
    assessments,
    roadmap,
    stages,
    pdfAvailable: pdfAvailable(setting.chromiumPath, WEB_DIST),
  };
}

/** The day in the file name, in UTC as before: the date the export was made. */
const fileDate = (setting: ReportSetting) => setting.now.toISOString().slice(0, 10);

/**
 * The report as a file: JSON (the same data as the page), or the PDF of the
 * printable page in `lang` (a translated 503 when the server has no Chromium).
 */
export async function exportReport(ctx: DataContext, auth: OrgAuthContext, setting: ReportSetting, format: 'json' | 'pdf', lang: 'ja' | 'en', print: PagePrinter): Promise<Download> {
  if (format === 'json') {
    const report = await getReport(ctx, auth, setting);
    return { fileName: `kumoji-diagnosis-report-${fileDate(setting)}.json`, contentType: 'application/json; charset=utf-8', content: Buffer.from(JSON.stringify(report, null, 2)) };
  }
  const content = await print({
    pagePath: `${REPORT_PAGE}?lang=${lang}&print=1`,
    locale: lang,
    timeZone: auth.user.timeZone,
    readyAttribute: REPORT_READY_ATTRIBUTE,
    footer: `${auth.organisation.name} — ${lang === 'ja' ? '診断レポート' : 'Diagnosis report'}`,
  });
  return { fileName: `kumoji-diagnosis-report-${fileDate(setting)}-${lang}.pdf`, contentType: 'application/pdf', content };
}
