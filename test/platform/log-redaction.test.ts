import assert from 'node:assert/strict';
import { test } from 'node:test';
import { redactUrl } from '../../src/server/platform/http/log-redaction.ts';

/** Set-up and invitation secrets never reach the request log; everything else does. */
const cases: [string, string][] = [
  ['/setup?token=uNAHFESlbM9dQmldF2xm3Tu', '/setup?token=[redacted]'],
  ['/api/v1/setup?lang=ja&token=abc&x=1', '/api/v1/setup?lang=ja&token=[redacted]&x=1'],
  ['/setup?TOKEN=abc', '/setup?TOKEN=[redacted]'],
  ['/setup?%74oken=abc', '/setup?%74oken=[redacted]'],
  ['/invitations/Zx9_secret', '/invitations/[redacted]'],
  ['/invitations/Zx9_secret?lang=en', '/invitations/[redacted]?lang=en'],
  ['/api/v1/invitation-links/Zx9_secret/accept', '/api/v1/invitation-links/[redacted]/accept'],
  ['/api/v1/invitations', '/api/v1/invitations'],
  ['/api/v1/invitations/0b6f9d0e-5c1f-4c7e-9f0a-1d2e3f4a5b6c', '/api/v1/invitations/0b6f9d0e-5c1f-4c7e-9f0a-1d2e3f4a5b6c'],
  ['/api/v1/invitations?cursor=abc', '/api/v1/invitations?cursor=abc'],
  ['/api/v1/assets?q=token&limit=50', '/api/v1/assets?q=token&limit=50'],
  ['/api/v1/assets?q=%E0%A4%A', '/api/v1/assets?q=%E0%A4%A'],
  ['/healthz', '/healthz'],
];

for (const [url, logged] of cases) {
  test(`request log shows ${url} as ${logged}`, () => {
    assert.equal(redactUrl(url), logged);
  });
}
