// Data classification and the encryption each class requires (seed 004
// 「データ保護と暗号化」: 「保存データ(At Rest)はAES-256で暗号化する」「転送データ
// (In Transit)はTLS 1.2以上を使用する」; the catalog's data-protection classes:
// TLS 1.2 or later for all data, encryption required for personal and
// confidential data, the "high" class), checked per data store.

export const DATA_CLASSES = ['high', 'medium', 'low'] as const;
export type DataClass = (typeof DATA_CLASSES)[number];
export const AT_REST = ['none', 'aes128', 'aes256', 'other', 'unknown'] as const;
export type AtRest = (typeof AT_REST)[number];
export const TLS_MINIMUMS = ['none', '1.0', '1.1', '1.2', '1.3', 'unknown'] as const;
export type TlsMinimum = (typeof TLS_MINIMUMS)[number];
/** Who holds and rotates the keys: the provider's key service, the organisation's own (KMS with customer-managed keys, HSM), nobody, or not known. */
export const KEY_MANAGEMENT = ['none', 'provider', 'customer', 'unknown'] as const;
export type KeyManagement = (typeof KEY_MANAGEMENT)[number];

const RANK: Record<DataClass, number> = { low: 0, medium: 1, high: 2 };

export interface ClassSource {
  confidentiality: DataClass | null;
  containsPersonalData: boolean;
}

/**
 * The class a store must be protected as: the highest of the class given to
 * it and the confidentiality of the assets it holds, and high as soon as one
 * of them holds personal data (the seed's rule: personal data is encrypted).
 * Null while nothing classifies it.
 */
export function effectiveClass(explicit: DataClass | null, assets: readonly ClassSource[]): DataClass | null {
  const classes = [explicit, ...assets.map((a) => a.confidentiality), ...(assets.some((a) => a.containsPersonalData) ? (['high'] as const) : [])].filter((c): c is DataClass => c !== null);
  return classes.length ? classes.reduce((a, b) => (RANK[b] > RANK[a] ? b : a)) : null;
}

export type ProtectionGap = 'unclassified' | 'atRestNotAes256' | 'inTransitBelowTls12' | 'keysUnmanaged';

export interface StoreProtection {
  atRest: AtRest;
  tlsMinimum: TlsMinimum;
  keyManagement: KeyManagement;
}

/**
 * What a store lacks for its class: every store is reached over TLS 1.2 or
 * later; a high store is encrypted at rest with AES-256 and its keys are
 * managed by someone known. Not known counts as not met. Medium and low data
 * at rest are the organisation's decision, so they are not a gap.
 */
export function protectionGaps(cls: DataClass | null, p: StoreProtection): ProtectionGap[] {
  const gaps: ProtectionGap[] = [];
  if (!cls) gaps.push('unclassified');
  if (p.tlsMinimum !== '1.2' && p.tlsMinimum !== '1.3') gaps.push('inTransitBelowTls12');
  if (cls === 'high') {
    if (p.atRest !== 'aes256') gaps.push('atRestNotAes256');
    if (p.keyManagement !== 'provider' && p.keyManagement !== 'customer') gaps.push('keysUnmanaged');
  }
  return gaps;
}
