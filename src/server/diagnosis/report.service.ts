import { clockOf } from '../platform/clock.ts';
import type { TReport } from '../../shared/schemas/roadmap.schema.ts';
import { industryOptions } from '../catalog/catalog.public.ts';
import { WEB_DIST } from '../platform/http/app.ts';
import type { Download, PagePrinter } from '../platform/http/download.ts';
import type { OrgAuthContext } from '../platform/http/route.ts';
import { getProfile } from '../platform/orgs/organisation-profile.service.ts';
import { pdfAvailable } from '../platform/pdf/pdf.renderer.ts';
import { getAssessment, type DiagnosisDeps } from './assessment.service.ts';
import { diagnosisInputs, getDiagnosis } from './diagnosis.service.ts';
import { methodologyReader } from './methodology.repository.ts';
import { getRoadmap } from './roadmap.service.ts';
import { getStagesOverview, stageContext } from './stage.service.ts';

/**
 * The diagnosis report for the executive (A4, Japanese or English): profile,
 * answers, scores, the proposed stage with its reasons, suggested actions,
 * the roadmap and the gate decisions. The web app prints it
 * (/diagnosis/report); the PDF is that same page, rendered on the server.
 */

/** The printable page the PDF is made from, and the marker it sets when drawn. */
export const REPORT_PAGE = '/diagnosis/report';
export const REPORT_READY_ATTRIBUTE = 'data-report-ready';

export async function getReport(deps: DiagnosisDeps, auth: OrgAuthContext): Promise<TReport> {
  const { db } = deps.database;
  const organisationId = auth.organisation.id;
  const methodology = methodologyReader(db, organisationId);
  const ctx = await stageContext(db, organisationId, clockOf(deps).now(), methodology);
  const inputs = await diagnosisInputs(db, organisationId, methodology);
  const [profile, diagnosis, roadmap, stages] = await Promise.all([
    getProfile({ database: deps.database, industryOptions }, auth),
    getDiagnosis(deps, auth, { current: ctx.state.main.stage, xActive: ctx.state.x.active }, inputs),
    getRoadmap(deps, auth, ctx),
    getStagesOverview(deps, auth, { ctx, diagnosis: inputs }),
  ]);
  const assessments = [];
  for (const list of inputs.lists) if (list.assessment) assessments.push(await getAssessment(deps, auth, list.assessment.id));
  return {
    generatedAt: ctx.now.toISOString(),
    organisation: { name: auth.organisation.name },
    profile,
    diagnosis,
    assessments,
    roadmap,
    stages,
    pdfAvailable: pdfAvailable(deps.config.CHROMIUM_PATH, WEB_DIST),
  };
}

/** The day in the file name, in UTC as before: the date the export was made. */
const fileDate = (deps: DiagnosisDeps) => clockOf(deps).now().toISOString().slice(0, 10);

/**
 * The report as a file: JSON (the same data as the page), or the PDF of the
 * printable page in `lang` (a translated 503 when the server has no Chromium).
 */
export async function exportReport(deps: DiagnosisDeps, auth: OrgAuthContext, format: 'json' | 'pdf', lang: 'ja' | 'en', print: PagePrinter): Promise<Download> {
  if (format === 'json') {
    const report = await getReport(deps, auth);
    return { fileName: `kumoji-diagnosis-report-${fileDate(deps)}.json`, contentType: 'application/json; charset=utf-8', content: Buffer.from(JSON.stringify(report, null, 2)) };
  }
  const content = await print({
    pagePath: `${REPORT_PAGE}?lang=${lang}&print=1`,
    locale: lang,
    timeZone: auth.user.timeZone,
    readyAttribute: REPORT_READY_ATTRIBUTE,
    footer: `${auth.organisation.name} — ${lang === 'ja' ? '診断レポート' : 'Diagnosis report'}`,
  });
  return { fileName: `kumoji-diagnosis-report-${fileDate(deps)}-${lang}.pdf`, contentType: 'application/pdf', content };
}
