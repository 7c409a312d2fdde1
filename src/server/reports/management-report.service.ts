import { createHash, randomUUID } from 'node:crypto';
import { desc, sql } from 'drizzle-orm';
import { ReportContentSchema, type TManagementReport, type TManagementReportList, type TReportContent } from '../../shared/reports/overview.schema.ts';
import { changesBetween, decisionsOf, keyFigures, type Figures } from '../../shared/reports/report.rules.ts';
import { can } from '../../shared/policy.ts';
import { appendAudit } from '../platform/audit/audit.repository.ts';
import { memberActor } from '../platform/audit/audit-actor.ts';
import { canonicalJson } from '../platform/canonical-json.ts';
import { clockOf } from '../platform/clock.ts';
import { DataContext } from '../platform/db/data-context.ts';
import { WEB_DIST } from '../platform/http/app.ts';
import type { Download, PagePrinter } from '../platform/http/download.ts';
import { HttpProblem } from '../platform/http/problem.ts';
import type { OrgAuthContext } from '../platform/http/route.ts';
import type { ModuleDeps } from '../platform/module.ts';
import { pdfAvailable } from '../platform/pdf/pdf.renderer.ts';
import { managementReports } from './management-report.table.ts';
import { overviewOf } from './overview.service.ts';

/**
 * The management report for the executive (経営者向け報告書; seed 000 VII
 * 「経営者の役割」, seed 004 「ガバナンス体制」 reporting to management): the
 * dashboard's figures fixed at one instant, what changed since the previous
 * report, and what waits for the executive's decision. Issuing one stores it
 * unchangeable with the SHA-256 of its contents and the hash of the audit
 * entry that records the issue; the web app prints it
 * (/reports/management/:id), and the PDF is that page rendered on the server.
 */

type ReportRow = typeof managementReports.$inferSelect;

/** The printable page the PDF is made from, and the marker it sets when drawn. */
export const MANAGEMENT_REPORT_PAGE = '/reports/management';
export const MANAGEMENT_REPORT_READY = 'data-report-ready';

export const contentHash = (content: TReportContent) => createHash('sha256').update(canonicalJson(content)).digest('hex');

const head = (r: ReportRow) => ({
  id: r.id,
  number: r.number,
  issuedAt: r.issuedAt.toISOString(),
  issuedBy: r.issuedByLabel,
  contentSha256: r.contentSha256,
  auditHeadHash: r.auditHeadHash,
});

export async function listReports(deps: ModuleDeps, auth: OrgAuthContext): Promise<TManagementReportList> {
  const ctx = DataContext.ofMember(deps.database, auth);
  const rows = await ctx.select(managementReports, { orderBy: [desc(managementReports.number)] });
  return { items: rows.map(head), can: { issue: can(auth.organisation.role, 'reports.issue') } };
}

function present(deps: ModuleDeps, r: ReportRow): TManagementReport {
  const content = ReportContentSchema.parse(r.content);
  return { ...head(r), content, intact: contentHash(content) === r.contentSha256, pdfAvailable: pdfAvailable(deps.config.CHROMIUM_PATH, WEB_DIST) };
}

export async function getReport(deps: ModuleDeps, auth: OrgAuthContext, id: string): Promise<TManagementReport> {
  const row = await DataContext.ofMember(deps.database, auth).findById(managementReports, id);
  if (!row) throw new HttpProblem(404, 'notFound');
  return present(deps, row);
}

/**
 * Issues the next report. The figures are read first (outside the
 * transaction: they are the modules' own reads); the number, the comparison
 * with the previous report and the audit entry are one transaction, with the
 * organisation's reports locked so two issued at once get numbers one after
 * the other and each compares with the one before it.
 */
export async function issueReport(deps: ModuleDeps, auth: OrgAuthContext): Promise<TManagementReport> {
  const now = clockOf(deps).now();
  const overview = await overviewOf(deps, auth, now);
  const figures = keyFigures(overview);
  const row = await DataContext.ofMember(deps.database, auth).transaction(async (tx) => {
    await tx.db.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${`management_reports:${tx.organisationId}`}, 0))`);
    const [previous] = await tx.select(managementReports, { orderBy: [desc(managementReports.number)], limit: 1 });
    const before = previous ? (ReportContentSchema.parse(previous.content).figures as Partial<Figures>) : null;
    const content: TReportContent = {
      overview,
      figures,
      changes: changesBetween(before, figures),
      decisions: decisionsOf(overview, figures),
      previous: previous ? { id: previous.id, number: previous.number, issuedAt: previous.issuedAt.toISOString() } : null,
    };
    const id = randomUUID();
    const number = (previous?.number ?? 0) + 1;
    const contentSha256 = contentHash(content);
    const entry = await appendAudit(tx.db, { ...memberActor(auth), action: 'managementReport.issue', entityType: 'managementReport', entityId: id, after: { number, contentSha256 } });
    const [inserted] = await tx.insert(managementReports, { id, number, issuedAt: now, issuedBy: auth.user.id, issuedByLabel: auth.user.displayName || auth.user.email, content, contentSha256, auditHeadHash: entry.hash });
    return inserted;
  });
  return present(deps, row);
}

/** The report as a PDF of its printable page in `lang` (a translated 503 when the server has no Chromium). */
export async function reportPdf(deps: ModuleDeps, auth: OrgAuthContext, id: string, lang: 'ja' | 'en', print: PagePrinter): Promise<Download> {
  const report = await getReport(deps, auth, id);
  const content = await print({
    pagePath: `${MANAGEMENT_REPORT_PAGE}/${id}?lang=${lang}&print=1`,
    locale: lang,
    timeZone: auth.user.timeZone,
    readyAttribute: MANAGEMENT_REPORT_READY,
    footer: `${auth.organisation.name} — ${lang === 'ja' ? `経営者向け報告書 第${report.number}号` : `Management report No. ${report.number}`} — SHA-256 ${report.contentSha256.slice(0, 16)}…`,
  });
  const day = report.issuedAt.slice(0, 10);
  return { fileName: lang === 'ja' ? `経営者向け報告書-第${report.number}号-${day}.pdf` : `management-report-${report.number}-${day}-en.pdf`, asciiName: `management-report-${report.number}-${day}-${lang}.pdf`, contentType: 'application/pdf', content };
}

