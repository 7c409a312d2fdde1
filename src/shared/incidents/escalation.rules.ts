/**
 * Escalation to outside experts (seed 004 「外部専門家・弊社へのエスカレー
 * ション」): when internal resources cannot handle a case (the criteria:
 * encrypting ransomware internal forensics cannot analyse, a complex
 * supply-chain attack, a zero-day, a response team saturated), the CSIRT
 * checks the existing contract (支援枠, 作業費用, NDA), writes a request with
 * the facts the expert needs (発生日時, 影響範囲, 初期調査結果), and follows it
 * through the expert's response to the report handed over (手順 1-5).
 */

export const ESCALATION_STATUSES = ['draft', 'requested', 'inProgress', 'reported', 'closed'] as const;
export type EscalationStatus = (typeof ESCALATION_STATUSES)[number];

export interface EscalationFacts {
  status: EscalationStatus;
  /** The seed's criteria that apply (catalog item ids). */
  criteria: readonly string[];
  /** Another reason, in the organisation's words. */
  otherReason: string;
  /** The outside expert asked (firm, contact). */
  expert: string;
  /** Each contract item confirmed (支援枠, 作業費用, NDA), in the catalog's order. */
  contractChecks: readonly boolean[];
  contractItems: number;
  /** The request's answer to each required fact, in the catalog's order. */
  request: readonly string[];
  requestItems: number;
  /** What the expert reported (手順5). */
  reportNote: string;
}

export interface EscalationProblem {
  path: 'status' | 'criteria' | 'expert' | 'contractChecks' | 'request' | 'reportNote';
  code: string;
}

const filled = (s: string | undefined) => !!s && s.trim().length > 0;

/** The one status after `s` (none after closed). */
export function nextEscalationStatus(s: EscalationStatus): EscalationStatus | null {
  const i = ESCALATION_STATUSES.indexOf(s);
  return ESCALATION_STATUSES[i + 1] ?? null;
}

/** What stands in the way of moving the escalation to `to`; empty: it may move. */
export function escalationProblems(e: EscalationFacts, to: EscalationStatus): EscalationProblem[] {
  if (nextEscalationStatus(e.status) !== to) return [{ path: 'status', code: 'escalationMoveNotAllowed' }];
  const out: EscalationProblem[] = [];
  if (to === 'requested') {
    if (e.criteria.length === 0 && !filled(e.otherReason)) out.push({ path: 'criteria', code: 'escalationReasonRequired' });
    if (!filled(e.expert)) out.push({ path: 'expert', code: 'expertRequired' });
    if (e.contractChecks.length < e.contractItems || e.contractChecks.slice(0, e.contractItems).some((c) => !c)) out.push({ path: 'contractChecks', code: 'contractChecksRequired' });
    if (Array.from({ length: e.requestItems }, (_, i) => e.request[i]).some((a) => !filled(a))) out.push({ path: 'request', code: 'requestFactsRequired' });
  }
  if (to === 'reported' && !filled(e.reportNote)) out.push({ path: 'reportNote', code: 'expertReportRequired' });
  return out;
}
