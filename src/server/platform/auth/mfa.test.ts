import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { generate } from 'otplib';
import { newTotpSecret, verifyTotp } from './mfa.ts';

describe('TOTP codes against the clock (RFC 6238, ±30 s)', () => {
  // 2026-04-01 00:00:00 in Tokyo, the first second of a 30-second step.
  const stepStart = Date.parse('2026-04-01T00:00:00+09:00');
  const at = (ms: number) => new Date(stepStart + ms);

  test('accepted in its own step and the ones either side, refused two steps away', async () => {
    const secret = newTotpSecret();
    const code = await generate({ secret, epoch: stepStart / 1000 });
    const step = stepStart / 30_000;
    assert.equal(await verifyTotp(secret, code, null, at(0)), step);
    assert.equal(await verifyTotp(secret, code, null, at(29_999)), step);
    assert.equal(await verifyTotp(secret, code, null, at(59_999)), step, 'the next step still takes it (clock drift)');
    assert.equal(await verifyTotp(secret, code, null, at(-30_000)), step, 'the step before takes it too');
    assert.equal(await verifyTotp(secret, code, null, at(60_000)), null);
    assert.equal(await verifyTotp(secret, code, null, at(-30_001)), null);
  });

  test('a code whose step was used already is refused (no replay)', async () => {
    const secret = newTotpSecret();
    const code = await generate({ secret, epoch: stepStart / 1000 });
    assert.equal(await verifyTotp(secret, code, stepStart / 30_000, at(0)), null);
  });
});
