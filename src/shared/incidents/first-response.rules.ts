import { warningWindowMs } from './deadline.rules.ts';
import type { FIRST_RESPONSE_PHASES } from './incident.schema.ts';

/**
 * Seed 004 「インシデント初動」: detect, contain, investigate and prepare the
 * notifications within 24 hours of awareness, an internal target rather than
 * a legal deadline. A phase is done when the timeline first records it; the
 * response is done when all four are, late when the last came after the
 * target.
 */

export const FIRST_RESPONSE_HOURS = 24;
type Phase = (typeof FIRST_RESPONSE_PHASES)[number];

export interface FirstResponse {
  targetAt: Date;
  phases: { phase: Phase; doneAt: Date | null }[];
  state: 'open' | 'dueSoon' | 'overdue' | 'done' | 'doneLate';
}

export function firstResponse(phases: readonly Phase[], awareAt: Date, actions: readonly { kind: string; at: Date }[], now: Date): FirstResponse {
  const span = FIRST_RESPONSE_HOURS * 3_600_000;
  const targetAt = new Date(awareAt.getTime() + span);
  const done = phases.map((phase) => {
    const times = actions.filter((a) => a.kind === phase).map((a) => a.at.getTime());
    return { phase, doneAt: times.length ? new Date(Math.min(...times)) : null };
  });
  let state: FirstResponse['state'];
  if (done.every((p) => p.doneAt)) state = Math.max(...done.map((p) => p.doneAt!.getTime())) > targetAt.getTime() ? 'doneLate' : 'done';
  else if (now.getTime() > targetAt.getTime()) state = 'overdue';
  else state = targetAt.getTime() - now.getTime() <= warningWindowMs(span) ? 'dueSoon' : 'open';
  return { targetAt, phases: done, state };
}
