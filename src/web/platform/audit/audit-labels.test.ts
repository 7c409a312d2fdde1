import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import i18next from 'i18next';
import { mergeMessages, type MessageTree } from '../../../shared/i18n/messages.ts';
import { actionLabelOf, entityLabelOf } from './audit-labels.ts';

/**
 * Every entity type and every action the server writes to the audit trail
 * has a name in both languages, so the trail never shows a code: read from
 * the server's sources (`entityType: '…'`, `action: '…'`), so a new
 * register or action without its words fails here.
 */

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const i18nDir = path.join(root, 'src/shared/i18n');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return sources(p);
    return /\.ts$/.test(d.name) && !/\.test\.ts$/.test(d.name) ? [fs.readFileSync(p, 'utf8')] : [];
  });
}
const text = sources(path.join(root, 'src/server')).join('\n');
const found = (re: RegExp) => [...new Set([...text.matchAll(re)].map((m) => m[1]!))].sort();
const ENTITY_TYPES = found(/entityType: '([a-zA-Z-]+)'/g);
// Audit actions name an entity and a verb (signin and signout stand alone); `action: 'deny'` is a header's setting.
const ACTIONS = found(/action: '([a-zA-Z]+(?:\.[a-zA-Z-]+)?)'/g).filter((a) => a !== 'deny');

async function translator(lang: 'ja' | 'en') {
  const files = Object.fromEntries(fs.readdirSync(i18nDir).filter((m) => fs.statSync(path.join(i18nDir, m)).isDirectory()).map((m) => [`${m}/${lang}.json`, JSON.parse(fs.readFileSync(path.join(i18nDir, m, `${lang}.json`), 'utf8')) as MessageTree]));
  const instance = i18next.createInstance();
  await instance.init({ lng: lang, resources: { [lang]: { translation: mergeMessages(files) } }, interpolation: { escapeValue: false } });
  return instance.t.bind(instance) as unknown as (key: string, options?: Record<string, unknown>) => string;
}

describe('the audit trail’s words', () => {
  test('the sources name entity types and actions to check', () => {
    assert.ok(ENTITY_TYPES.includes('backupPlan') && ENTITY_TYPES.includes('organisation'), ENTITY_TYPES.join(' '));
    assert.ok(ACTIONS.includes('asset.import') && ACTIONS.includes('signin'), ACTIONS.join(' '));
  });

  for (const lang of ['ja', 'en'] as const) {
    test(`every entity type, action, register change and export has a name in ${lang}`, async () => {
      const t = await translator(lang);
      assert.deepEqual(ENTITY_TYPES.filter((e) => !entityLabelOf(t, e)), [], 'entity types without a name');
      assert.deepEqual(ACTIONS.filter((a) => !actionLabelOf(t, a)), [], 'actions without a name');
      for (const e of ENTITY_TYPES) for (const verb of ['create', 'update', 'delete', 'export']) assert.ok(actionLabelOf(t, `${e}.${verb}`), `${e}.${verb}`);
    });
  }

  test('a register’s change is worded from its entity; an action of its own keeps its own words', async () => {
    const ja = await translator('ja');
    const en = await translator('en');
    assert.equal(actionLabelOf(ja, 'backupPlan.create'), 'バックアップ計画の登録');
    assert.equal(actionLabelOf(en, 'restoreTest.delete'), 'Restore test deleted');
    assert.equal(actionLabelOf(ja, 'asset.import'), '資産目録の取り込み');
    // Every register's export (platform/register/export.route.ts) is `<entity>.export`.
    assert.equal(actionLabelOf(ja, 'workload.export'), 'ワークロードの書き出し');
    assert.equal(actionLabelOf(en, 'costActual.export'), 'Actual cost exported');
    assert.equal(actionLabelOf(ja, 'audit.export'), '監査ログの出力');
    assert.equal(actionLabelOf(ja, 'nothing.known'), null);
  });
});
