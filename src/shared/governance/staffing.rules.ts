// The staffing matrix's rules (seed 004 「人材確保と資格」: the roles security
// work needs and the certifications each calls for). Shared by the server and
// the web app, so the screen names a gap the way the export does.
import { addDays, type IsoDate } from '../platform/calendar-date.ts';

/** A critical role is held by at least two people, so one absence does not leave it empty; any other role by one. */
export const CRITICAL_MIN_HOLDERS = 2;
/** How far ahead a certification's expiry is announced. */
export const CERTIFICATION_SOON_DAYS = 90;

export interface HeldCertification {
  name: string;
  expiresOn: IsoDate | null;
}

export type CertificationStanding = 'valid' | 'expiringSoon' | 'expired';

/** Expired the day after its expiry date; expiring soon within 90 days of it (the date itself included). */
export function certificationStanding(expiresOn: IsoDate | null, today: IsoDate): CertificationStanding {
  if (!expiresOn) return 'valid';
  if (expiresOn < today) return 'expired';
  return expiresOn <= addDays(today, CERTIFICATION_SOON_DAYS) ? 'expiringSoon' : 'valid';
}

/** Two certification names are one when they read the same after NFKC, case and spacing are set aside (「ＣＩＳＳＰ」 is 「cissp」). */
export const certificationKey = (name: string) => name.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

export type RoleGap = 'noHolder' | 'tooFewHolders' | 'noCertifiedHolder' | 'certificationExpiring';

/**
 * What a role lacks: holders (two for a critical role), a holder with one of
 * its required certifications still valid (when it names any), and a valid
 * one that expires within 90 days while no other holder has one that does not.
 */
export function roleGaps(role: { critical: boolean; requiredCertifications: readonly string[] }, holders: readonly { certifications: readonly HeldCertification[] }[], today: IsoDate): RoleGap[] {
  const gaps: RoleGap[] = [];
  if (holders.length === 0) gaps.push('noHolder');
  else if (role.critical && holders.length < CRITICAL_MIN_HOLDERS) gaps.push('tooFewHolders');
  if (!role.requiredCertifications.length || holders.length === 0) return gaps;
  const required = new Set(role.requiredCertifications.map(certificationKey));
  const standings = holders.flatMap((h) => h.certifications.filter((c) => required.has(certificationKey(c.name))).map((c) => certificationStanding(c.expiresOn, today)));
  if (!standings.some((s) => s !== 'expired')) gaps.push('noCertifiedHolder');
  else if (!standings.includes('valid')) gaps.push('certificationExpiring');
  return gaps;
}
