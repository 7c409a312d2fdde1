import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, test } from 'node:test';
import { MODULE_POLICIES } from '../shared/policy.ts';
import { testConfig } from '../../test/helpers/test-app.ts';
import type { Database } from './platform/db/database.ts';
import { JOBS, MODULES } from './modules.ts';

/** The module list and the contracts it holds (src/server/platform/module.ts). */
const deps = { config: testConfig(), database: {} as Database };

describe('the module contracts', () => {
  test('each module is a folder of src/server, listed once', () => {
    const ids = MODULES.map((m) => m.id);
    assert.deepEqual([...new Set(ids)], ids);
    for (const id of ids) assert.ok(fs.existsSync(new URL(`./${id}/index.ts`, import.meta.url)), `src/server/${id}/index.ts`);
  });

  test("each module's policy is in the shared policy, and the shared policy has no other", () => {
    const policies = MODULES.map((m) => m.policy);
    assert.equal(new Set(policies).size, MODULES.length);
    assert.deepEqual(new Set(MODULE_POLICIES as readonly object[]), new Set(policies));
  });

  test("each route asks for a permission of its own module's policy", () => {
    for (const m of MODULES) {
      for (const r of m.routes(deps)) {
        if (r.access.kind !== 'org') continue;
        assert.ok(r.access.permission in m.policy.permissions, `${r.method} ${r.url} (${m.id}) asks for ${r.access.permission}`);
      }
    }
  });

  test('each module has its messages, with exactly the namespaces it names (besides the shared errors and audit labels)', () => {
    const folders = fs.readdirSync(new URL('../shared/i18n/', import.meta.url), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
    assert.deepEqual(folders.sort(), MODULES.map((m) => m.id).sort());
    for (const m of MODULES) {
      for (const lang of ['ja', 'en']) {
        const messages = JSON.parse(fs.readFileSync(new URL(`../shared/i18n/${m.id}/${lang}.json`, import.meta.url), 'utf8')) as object;
        const namespaces = Object.keys(messages).filter((k) => k !== 'errors' && k !== 'auditLabels');
        assert.deepEqual(namespaces.sort(), m.translations.filter((k) => k !== 'errors').sort(), `${m.id}/${lang}.json`);
      }
    }
  });

  test('each queue belongs to one module', () => {
    const queues = JOBS.map((j) => j.queue);
    assert.deepEqual([...new Set(queues)], queues);
    assert.ok(queues.length > 0);
  });
});
