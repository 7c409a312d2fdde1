import type { FastifyReply, FastifyRequest } from 'fastify';
import type { TReport } from '../../shared/schemas/roadmap.schema.ts';
import { industryOptions } from '../catalog/catalog.public.ts';
import { SESSION_COOKIE } from '../platform/auth/session.ts';
import { contentDisposition } from '../platform/http/content-disposition.ts';
import { WEB_DIST } from '../platform/http/app.ts';
import type { OrgAuthContext } from '../platform/http/route.ts';
import { getProfile } from '../platform/orgs/organisation-profile.service.ts';
import { pdfAvailable, renderPdf } from '../platform/pdf/pdf.renderer.ts';
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
  const ctx = await stageContext(db, organisationId, methodology);
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

const fileDate = () => new Date().toISOString().slice(0, 10);

/** The report as a file: JSON (the same data as the page), or the PDF when Chromium is there (else 503, translated). */
export async function exportReport(
  deps: DiagnosisDeps,
  auth: OrgAuthContext,
  req: FastifyRequest,
  reply: FastifyReply,
  format: 'json' | 'pdf',
  lang: 'ja' | 'en',
) {
  if (format === 'json') {
    const report = await getReport(deps, auth);
    return reply
      .type('application/json; charset=utf-8')
      .header('content-disposition', contentDisposition(`kumoji-diagnosis-report-${fileDate()}.json`))
      .header('cache-control', 'private, no-store')
      .send(JSON.stringify(report, null, 2));
  }
  const pdf = await renderPdf({
    app: req.server,
    chromiumPath: deps.config.CHROMIUM_PATH,
    webDist: WEB_DIST,
    pagePath: `${REPORT_PAGE}?lang=${lang}&print=1`,
    cookie: `${SESSION_COOKIE}=${req.cookies[SESSION_COOKIE] ?? ''}`,
    locale: lang,
    timeZone: auth.user.timeZone,
    readyAttribute: REPORT_READY_ATTRIBUTE,
    footer: `${auth.organisation.name} — ${lang === 'ja' ? '診断レポート' : 'Diagnosis report'}`,
    onError: (error) => req.log.warn({ err: error }, 'diagnosis report PDF failed'),
  });
  return reply
    .type('application/pdf')
    .header('content-disposition', contentDisposition(`kumoji-diagnosis-report-${fileDate()}-${lang}.pdf`))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .send(pdf);
}
