import type { FieldError } from '../http/problem.ts';

/** The profile facts as the rules read them. */
export interface ProfileFacts {
  industryId: string | null;
  employees: number | null;
  handlesPersonalData: boolean;
  handlesSensitivePersonalData: boolean;
  handlesEuResidentsData: boolean;
}

/**
 * Facts that contradict each other: 要配慮個人情報 (APPI Art. 2(3)) and EU
 * residents' data (GDPR Art. 4(1)) are both personal data, so either one
 * without "handles personal data" is a mistake to point out, not to store.
 */
export function profileProblems(p: ProfileFacts, knownIndustry: (id: string) => boolean): FieldError[] {
  const errors: FieldError[] = [];
  if (p.industryId !== null && !knownIndustry(p.industryId)) errors.push({ path: 'industryId', code: 'industryUnknown' });
  if (p.handlesSensitivePersonalData && !p.handlesPersonalData) errors.push({ path: 'handlesSensitivePersonalData', code: 'needsPersonalData' });
  if (p.handlesEuResidentsData && !p.handlesPersonalData) errors.push({ path: 'handlesEuResidentsData', code: 'needsPersonalData' });
  return errors;
}

/** Enough for the diagnosis and later rules: the industry and the head count. */
export const profileComplete = (p: ProfileFacts | null) => !!p && p.industryId !== null && p.employees !== null;
