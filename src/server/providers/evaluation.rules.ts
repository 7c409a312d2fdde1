import { KNOCK_OUT_BELOW, RATING_MAX } from '../../shared/providers/provider.schema.ts';
import { addMonthsClamped, type IsoDate } from '../../shared/platform/calendar-date.ts';

/**
 * A provider's evaluation (seed 000 III.6.1 a)-i) and the nine selection
 * checks): each item rated 0 (not met) to 4 (strong), weighted 0-5. The
 * score is the rated items' weighted ratings over their weighted maximum,
 * 0-100, so an item not yet rated neither helps nor hurts; a knock-out item
 * rated below adequate (2) puts the provider out whatever its score. The
 * next evaluation is due a number of months after this one.
 */

export interface RatedItem {
  itemId: string;
  rating: number | null;
  weight: number;
  knockOut: boolean;
}

export interface EvaluationOutcome {
  score: number | null;
  rated: number;
  knockOuts: string[];
  knockOutsPending: string[];
}

export function evaluationOutcome(items: readonly RatedItem[]): EvaluationOutcome {
  let got = 0;
  let max = 0;
  let rated = 0;
  for (const item of items) {
    if (item.rating === null) continue;
    rated++;
    got += item.weight * item.rating;
    max += item.weight * RATING_MAX;
  }
  return {
    score: max > 0 ? Math.round((got / max) * 1000) / 10 : null,
    rated,
    knockOuts: items.filter((i) => i.knockOut && i.rating !== null && i.rating < KNOCK_OUT_BELOW).map((i) => i.itemId),
    knockOutsPending: items.filter((i) => i.knockOut && i.rating === null).map((i) => i.itemId),
  };
}

/** The next evaluation's due date, and whether today is past it. */
export function reevaluation(evaluatedOn: IsoDate, months: number, today: IsoDate): { dueOn: IsoDate; overdue: boolean } {
  const dueOn = addMonthsClamped(evaluatedOn, months);
  return { dueOn, overdue: today > dueOn };
}
