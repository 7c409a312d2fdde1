import type { EXIT_FINDINGS } from '../../shared/providers/contract.schema.ts';

/**
 * A contract's review against the 17 items (seed 000 III.6.1), summed up: how
 * many items are present, missing, to negotiate or not reviewed; the blocking
 * items not present; and the exit terms of item 16 (終了時のデータの返還や、返還後に
 * クラウド上のデータを完全消去すること等が明記されているか): the clause present, the
 * format data comes back in, within how many days, and a certificate of
 * deletion. A contract is ready to sign when every item is reviewed, none
 * blocks and the exit terms are whole.
 */

/** Item 16: 契約の終了・解除に伴う処理等の規定. */
export const EXIT_ITEM = 'urn:kumoji:seed-000:contract-items:16';

type ExitFinding = (typeof EXIT_FINDINGS)[number];

export interface ReviewedItem {
  itemId: string;
  status: 'present' | 'missing' | 'negotiate' | null;
  blocking: boolean;
}

export interface ExitTerms {
  exitDataFormat: string;
  exitReturnDays: number | null;
  exitDeletionCertificate: boolean;
}

export function exitFindings(review: readonly ReviewedItem[], exit: ExitTerms): ExitFinding[] {
  const findings: ExitFinding[] = [];
  const clause = review.find((r) => r.itemId === EXIT_ITEM);
  if (clause && clause.status !== 'present') findings.push('exitClauseNotPresent');
  if (!exit.exitDataFormat.trim()) findings.push('noDataFormat');
  if (exit.exitReturnDays === null) findings.push('noReturnPeriod');
  if (!exit.exitDeletionCertificate) findings.push('noDeletionCertificate');
  return findings;
}

export function reviewSummary(review: readonly ReviewedItem[], exit: ExitTerms) {
  const count = (s: ReviewedItem['status']) => review.filter((r) => r.status === s).length;
  const blocking = review.filter((r) => r.blocking && r.status !== 'present').map((r) => r.itemId);
  const exitList = exitFindings(review, exit);
  const unreviewed = count(null);
  return { present: count('present'), missing: count('missing'), negotiate: count('negotiate'), unreviewed, blocking, exitFindings: exitList, readyToSign: unreviewed === 0 && blocking.length === 0 && exitList.length === 0 };
}
