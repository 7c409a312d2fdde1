import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The seal of a chain's head: HMAC-SHA-256, under a key the database does not
 * hold, over the chain, the head's seq and its hash. Anyone who can write the
 * database can append a row with a correct hash and move the head onto it;
 * without the key they cannot give that head a seal that matches, so
 * `kumoji audit verify` shows the forgery. The version label lets a later
 * format be told apart.
 */
export interface ChainHead {
  chain: string;
  seq: number;
  hash: string;
}

export function headSeal(key: Buffer, head: ChainHead): string {
  return createHmac('sha256', key).update(`kumoji-audit-head-v1\n${head.chain}\n${head.seq}\n${head.hash}`).digest('hex');
}

/** Whether `seal` is this head's seal under `key`; a missing seal never is. */
export function sealMatches(key: Buffer, head: ChainHead, seal: string | null): boolean {
  if (seal === null || !/^[0-9a-f]{64}$/.test(seal)) return false;
  return timingSafeEqual(Buffer.from(headSeal(key, head), 'hex'), Buffer.from(seal, 'hex'));
}
