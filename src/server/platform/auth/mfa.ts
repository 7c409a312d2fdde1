import { randomBytes } from 'node:crypto';
import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';
import { tokenHash } from './tokens.ts';

/** TOTP (RFC 6238, 30-second steps, 6 digits) as authenticator apps expect it. */
export const newTotpSecret = () => generateSecret();

export function otpauthUrl(secret: string, email: string): string {
  return generateURI({ issuer: 'Kumoji', label: email, secret });
}

export function qrSvg(url: string): Promise<string> {
  return QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
}

/**
 * Accepts the current code and the one before or after it (clock drift of
 * ±30 s), but only a time step later than `afterTimeStep`, so a code seen
 * once cannot be replayed (ASVS 2.8.4). Returns the accepted step, or null.
 */
export async function verifyTotp(secret: string, code: string, afterTimeStep: number | null | undefined, now: Date): Promise<number | null> {
  const token = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  try {
    const result = await verify({ secret, token, epoch: Math.floor(now.getTime() / 1000), epochTolerance: 30, ...(afterTimeStep ? { afterTimeStep } : {}) });
    return result.valid && 'timeStep' in result ? (result.timeStep as number) : null;
  } catch {
    return null;
  }
}

/** Ten single-use recovery codes, shown once; stored as SHA-256 (they carry 50 bits of randomness). */
export function newRecoveryCodes(count = 10): { codes: string[]; hashes: string[] } {
  const codes = Array.from({ length: count }, () => {
    const raw = randomBytes(8).toString('hex').slice(0, 10);
    return `${raw.slice(0, 5)}-${raw.slice(5)}`;
  });
  return { codes, hashes: codes.map((c) => tokenHash(normaliseRecoveryCode(c))) };
}

export const normaliseRecoveryCode = (code: string) => code.trim().toLowerCase().replace(/[^0-9a-f]/g, '');
export const looksLikeRecoveryCode = (code: string) => /^[0-9a-f]{10}$/.test(normaliseRecoveryCode(code));
