// The ISMS document registry's rules (seed 000 III.5.2 表11・表12: the
// documents and records an ISMS requires written and maintained, and those a
// move to the cloud adds). Shared by the server, which stores each
// document's next review, and the web app, which shows where it stands.
import { addDays, addMonthsClamped, type IsoDate } from '../platform/calendar-date.ts';

export const DOCUMENT_STATUSES = ['draft', 'approved', 'retired'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

/** A document is reviewed at least once a year unless the organisation says otherwise (JIS Q 27001 7.5.2: documented information is reviewed for suitability). */
export const DEFAULT_REVIEW_MONTHS = 12;
export const REVIEW_MONTHS_MAX = 60;
/** How far ahead a review counts as due soon. */
export const REVIEW_SOON_DAYS = 30;

/**
 * The next review: the interval after the last review, or after the approval
 * when the document has not been reviewed since. A draft or a retired
 * document has none (a draft is reviewed when it is approved).
 */
export function nextReviewOn(d: { status: DocumentStatus; approvedOn: IsoDate | null; lastReviewedOn: IsoDate | null; reviewIntervalMonths: number }): IsoDate | null {
  if (d.status !== 'approved') return null;
  const from = [d.lastReviewedOn, d.approvedOn].filter((x): x is IsoDate => !!x).sort().at(-1);
  return from ? addMonthsClamped(from, d.reviewIntervalMonths) : null;
}

export type ReviewStanding = 'notApproved' | 'retired' | 'current' | 'dueSoon' | 'overdue';

/** Where the document stands today: overdue after its review date, due soon within 30 days of it (the date itself included). */
export function reviewStanding(d: { status: DocumentStatus; nextReviewOn: IsoDate | null }, today: IsoDate): ReviewStanding {
  if (d.status === 'retired') return 'retired';
  if (d.status === 'draft' || !d.nextReviewOn) return 'notApproved';
  if (d.nextReviewOn < today) return 'overdue';
  return d.nextReviewOn <= addDays(today, REVIEW_SOON_DAYS) ? 'dueSoon' : 'current';
}

/** The dates a change may not set in the future, by field. */
export function futureDates(d: { approvedOn?: IsoDate | null; lastReviewedOn?: IsoDate | null }, today: IsoDate): ('approvedOn' | 'lastReviewedOn')[] {
  return (['approvedOn', 'lastReviewedOn'] as const).filter((k) => !!d[k] && d[k]! > today);
}

export interface CoverageGroup<I> {
  groupId: string;
  total: number;
  registered: number;
  missing: I[];
}

/**
 * Which of a table's documents the organisation has registered (a retired one
 * still counts: it was written), per table (表11, 表12).
 */
export function coverage<I extends { itemId: string; parentId: string | null }>(groups: readonly string[], items: readonly I[], registered: ReadonlySet<string>): CoverageGroup<I>[] {
  return groups.map((groupId) => {
    const documents = items.filter((i) => i.parentId === groupId);
    const missing = documents.filter((i) => !registered.has(i.itemId));
    return { groupId, total: documents.length, registered: documents.length - missing.length, missing };
  });
}
