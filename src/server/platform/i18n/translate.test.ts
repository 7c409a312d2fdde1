import assert from 'node:assert/strict';
import { test } from 'node:test';
import { localeFromHeader, translator } from './translate.ts';

test('Accept-Language picks English only when it is preferred; Japanese by default', () => {
  const cases: [string | undefined, 'ja' | 'en'][] = [
    [undefined, 'ja'],
    ['', 'ja'],
    ['en-US,en;q=0.9', 'en'],
    ['ja,en;q=0.5', 'ja'],
    ['en;q=0.4,ja;q=0.8', 'ja'],
    ['fr-FR,en;q=0.3', 'en'],
    ['de', 'ja'],
  ];
  for (const [header, expected] of cases) assert.equal(localeFromHeader(header), expected, String(header));
});

test('messages interpolate in both languages', () => {
  assert.equal(translator('ja')('errors.signinLocked', { minutes: 15 }), 'サインインの失敗が続いたため、一時的にロックしています。約 15 分後にもう一度お試しください。');
  assert.match(translator('en')('errors.bodyTooLarge', { limit: 10 }), /limit 10 bytes/);
});

test("every module's messages reach the server, the shared errors of each too", () => {
  const en = translator('en');
  for (const key of ['errors.signinLocked', 'errors.catalogFileInvalid', 'errors.assetNameTaken', 'errors.stageNoNext', 'errors.field.required', 'errors.field.assetNameTaken']) {
    assert.notEqual(en(key), key, key);
  }
  for (const ns of ['members', 'catalog', 'diagnosis', 'assets', 'workloads']) assert.equal(typeof translator('ja')(ns, { returnObjects: true }), 'object', ns);
});
