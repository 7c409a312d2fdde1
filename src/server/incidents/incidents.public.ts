import { dateIn } from '../../shared/platform/calendar-date.ts';
import type { DataContext } from '../platform/db/data-context.ts';
import { listIncidents } from './incident.service.ts';

/**
 * What other modules read of incidents: each open incident's legal
 * notification deadlines not yet met (seed 004 「インシデント初動と法令通知」,
 * corrected by FACTS.md 1 and 2), counted by the deadline engine exactly as
 * the incident's page shows them. Other modules import this file only
 * (eslint.config.js enforces it).
 */
export interface NoticeDeadline {
  incidentId: string;
  title: string;
  name: { ja: string; en: string };
  dueAt: string;
  /** The day it is due, in Japan. */
  date: string;
  overdue: boolean;
  path: string;
}

const PENDING = new Set(['open', 'dueSoon', 'overdue']);

export async function noticeDeadlines(ctx: DataContext, now: Date): Promise<NoticeDeadline[]> {
  const { items } = await listIncidents(ctx, now);
  return items
    .filter((i) => i.status === 'open')
    .flatMap((i) =>
      i.deadlines
        .filter((d) => d.applies && d.dueAt && PENDING.has(d.state))
        .map((d) => ({ incidentId: i.id, title: i.title, name: d.name, dueAt: d.dueAt!, date: dateIn('Asia/Tokyo', new Date(d.dueAt!)), overdue: d.state === 'overdue', path: `/incidents/${i.id}` })),
    );
}
