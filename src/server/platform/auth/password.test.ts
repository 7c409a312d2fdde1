import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { hashPassword, passwordProblem, verifyPassword } from './password.ts';

describe('password rules (OWASP ASVS 2.1)', () => {
  const cases: [string, string[], string | null][] = [
    ['short', [], 'passwordTooShort'],
    ['elevenchars', [], 'passwordTooShort'],
    ['x'.repeat(129), [], 'passwordTooLong'],
    ['password1234', [], 'passwordWeak'],
    ['123456789012', [], 'passwordWeak'],
    ['qwertyuiopas', [], 'passwordWeak'],
    ['aaaaaaaaaaaa', [], 'passwordWeak'],
    ['yamada.taro2026', ['yamada.taro@example.jp'], 'passwordWeak'],
    ['Kumoji-Test-Passphrase-2026!', [], null],
    ['雲路で安全にクラウドへ移行します', [], null],
    ['correct horse battery staple', [], null],
  ];
  for (const [password, personal, expected] of cases) {
    test(`${JSON.stringify(password.slice(0, 30))} → ${expected ?? 'accepted'}`, () => {
      assert.equal(passwordProblem(password, personal)?.code ?? null, expected);
    });
  }
  test('argon2id hashes verify, and a wrong password or a broken hash does not', async () => {
    const h = await hashPassword('Kumoji-Test-Passphrase-2026!');
    assert.match(h, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    assert.equal(await verifyPassword(h, 'Kumoji-Test-Passphrase-2026!'), true);
    assert.equal(await verifyPassword(h, 'Kumoji-Test-Passphrase-2027!'), false);
    assert.equal(await verifyPassword('not-a-hash', 'x'), false);
  });
});
