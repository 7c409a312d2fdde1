import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { contentDisposition } from './content-disposition.ts';

describe('content disposition (RFC 6266, RFC 8187)', () => {
  test('an ASCII fallback and the UTF-8 name', () => {
    assert.equal(contentDisposition('report.pdf'), `attachment; filename="report.pdf"; filename*=UTF-8''report.pdf`);
    assert.equal(contentDisposition('規程 (2026).pdf'), `attachment; filename="__ (2026).pdf"; filename*=UTF-8''%E8%A6%8F%E7%A8%8B%20%282026%29.pdf`);
    assert.equal(contentDisposition('a"b\\c\'d.txt'), `attachment; filename="a_b_c'd.txt"; filename*=UTF-8''a%22b%5Cc%27d.txt`);
  });
  test('a readable ASCII name replaces the underscored fallback', () => {
    assert.equal(
      contentDisposition('資産目録-2026-12-04.csv', 'asset-inventory-2026-12-04.csv'),
      `attachment; filename="asset-inventory-2026-12-04.csv"; filename*=UTF-8''%E8%B3%87%E7%94%A3%E7%9B%AE%E9%8C%B2-2026-12-04.csv`,
    );
    assert.equal(contentDisposition('a.csv', '"x"\\.csv'), `attachment; filename="_x__.csv"; filename*=UTF-8''a.csv`);
  });
});
