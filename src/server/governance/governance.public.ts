import type { IsoDate } from '../../shared/platform/calendar-date.ts';
import type { DataContext } from '../platform/db/data-context.ts';
import { listDocumentRows } from './isms-document.repository.ts';

/**
 * What other modules read of governance: the ISMS documents' review dates,
 * for the operations calendar and its iCalendar feed. Other modules import
 * this file only (eslint.config.js enforces it).
 */

export interface DocumentReviewDate {
  kind: 'documentReview';
  date: IsoDate;
  title: string;
  detail: null;
  path: string;
}

/** Each approved document's next review (past ones stay: the review is overdue). */
export async function documentReviewDates(ctx: DataContext): Promise<DocumentReviewDate[]> {
  return (await listDocumentRows(ctx)).flatMap((d) => (d.status === 'approved' && d.nextReviewOn ? [{ kind: 'documentReview' as const, date: d.nextReviewOn, title: d.title, detail: null, path: `/governance/documents/${d.id}` }] : []));
}
