import { Algorithm, hash, verify } from '@node-rs/argon2';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import { PASSWORD_MAX, PASSWORD_MIN } from '../../../shared/schemas/auth.schema.ts';

/**
 * Passwords per OWASP ASVS 2.1: at least 12 characters, up to 128, any
 * character allowed and no composition rules (2.1.1, 2.1.2, 2.1.9); refused
 * when they match a list of common or breached passwords or are otherwise
 * easy to guess (2.1.7), including guesses built from the person's own
 * e-mail and name. Stored as argon2id (2.4.1).
 */

const zxcvbn = new ZxcvbnFactory({
  dictionary: { ...common.dictionary },
  graphs: common.adjacencyGraphs,
});

// OWASP password storage cheat sheet: argon2id, m=19 MiB, t=2, p=1.
// Algorithm.Argon2id is 2 (a const enum, which isolated modules cannot read).
const ARGON2_OPTIONS = { algorithm: 2 as Algorithm, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export type PasswordProblem = { code: 'passwordTooShort'; min: number } | { code: 'passwordTooLong'; max: number } | { code: 'passwordWeak' };

/** Pure rule: null when acceptable, otherwise why not. */
export function passwordProblem(password: string, personalInputs: string[] = []): PasswordProblem | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN) return { code: 'passwordTooShort', min: PASSWORD_MIN };
  if (length > PASSWORD_MAX) return { code: 'passwordTooLong', max: PASSWORD_MAX };
  const inputs = personalInputs.flatMap((s) => [s, ...s.split(/[@._\s-]+/)]).filter((s) => s.length >= 3);
  // The person's own name and e-mail parts add no strength: judge what remains without them.
  const remainder = inputs
    .filter((s) => s.length >= 3)
    .reduce((rest, s) => rest.replace(new RegExp(s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi'), ''), password);
  if ([...remainder].length < PASSWORD_MIN - 4 && remainder !== password) return { code: 'passwordWeak' };
  const result = zxcvbn.check(password, inputs);
  // Score 3 = "safely unguessable: moderate protection from offline slow-hash scenario".
  const dictionaryHit = result.sequence.some(
    (m: { pattern: string; token: string }) => m.pattern === 'dictionary' && m.token.length >= password.length - 2,
  );
  if (result.score < 3 || dictionaryHit) return { code: 'passwordWeak' };
  return null;
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A fixed hash to verify against when the account does not exist, so timing does not reveal it. */
let dummyHash: Promise<string> | null = null;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('kumoji-no-such-account-placeholder');
  return dummyHash;
}
