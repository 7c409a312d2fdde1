import type { Readable } from 'node:stream';
import { INCIDENT_FACTS, type TIncident } from '../../shared/incidents/incident.schema.ts';
import { dateIn } from '../../shared/platform/calendar-date.ts';
import type { TLocale } from '../../shared/schemas/common.schema.ts';
import type { DataContext } from '../platform/db/data-context.ts';
import { translator } from '../platform/i18n/translate.ts';
import { datedFileName, fieldLabel as label } from '../platform/register/export.route.ts';
import type { RegisterField } from '../platform/register/register-fields.ts';
import type { ExportFormat } from '../platform/transfer/export.writer.ts';
import { exportTables, exportTime } from '../platform/transfer/register-export.ts';
import { listIncidents } from './incident.service.ts';

/**
 * The incidents (インシデント処置票, seed 000 V.6.1) as a file: what happened and
 * when it became known, the facts the legal deadlines depend on, the first
 * response against 24 hours, each deadline that applies with where it stands,
 * and the review's findings, in the member's language. Times are Japan's, as
 * the deadlines count them.
 */

function incidentFields(locale: TLocale): RegisterField<TIncident>[] {
  const t = translator(locale);
  const f = (key: string) => label(`incidents.fields.${key}`);
  const deadline = (d: TIncident['deadlines'][number]) =>
    [d.name[locale], exportTime(d.submittedAt ?? d.dueAt), t(`incidents.deadlines.states.${d.state}`)].filter(Boolean).join(' / ');
  return [
    { key: 'title', label: f('title'), value: (i) => i.title },
    { key: 'detection', label: f('detection'), value: (i) => i.detection?.[locale] ?? null },
    { key: 'severity', label: f('severity'), value: (i) => t(`incidents.severity.${i.severity}`) },
    { key: 'status', label: f('status'), value: (i) => t(`incidents.status.${i.status}`) },
    { key: 'awareAt', label: f('awareAt'), value: (i) => exportTime(i.awareAt) },
    { key: 'occurredAt', label: f('occurredAt'), value: (i) => exportTime(i.occurredAt) },
    { key: 'description', label: f('description'), value: (i) => i.description },
    { key: 'personsAffected', label: f('personsAffected'), value: (i) => i.personsAffected },
    ...INCIDENT_FACTS.map((fact): RegisterField<TIncident> => ({ key: fact, label: f(fact), value: (i) => i[fact] })),
    { key: 'firstResponse', label: label('incidents.firstResponse.title'), value: (i) => t(`incidents.firstResponse.states.${i.firstResponse.state}`) },
    { key: 'nextDueAt', label: f('nextDue'), value: (i) => exportTime(i.nextDueAt) },
    { key: 'deadlines', label: label('incidents.deadlines.title'), value: (i) => i.deadlines.filter((d) => d.applies).map(deadline).join('\n') },
    { key: 'review', label: f('review'), value: (i) => i.review },
    { key: 'findings', label: label('incidents.review.findings'), value: (i) => i.findings.map((x) => x.title).join('\n') },
    { key: 'note', label: f('note'), value: (i) => i.note },
  ];
}

export async function exportIncidents(ctx: DataContext, format: ExportFormat, locale: TLocale, now: Date): Promise<Readable> {
  const { items } = await listIncidents(ctx, now);
  return exportTables(format, locale, [{ name: translator(locale)('incidents.title'), fields: incidentFields(locale), records: () => items }]);
}

/** Dated as the organisation's day in Japan, as every register's export is. */
export const incidentExportFileName = (format: ExportFormat, locale: TLocale, now: Date) => datedFileName(format, locale, 'incidents.export.fileName', 'incidents', dateIn('Asia/Tokyo', now));
