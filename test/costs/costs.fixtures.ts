import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { ModuleFixtures } from '../helpers/route-fixtures.ts';

/** The costs module's entities in organisation A: a cloud scenario (the baseline is one per organisation, so fixtures make cloud ones) an actual cost line and an import of actual costs. */
export const fixtures: ModuleFixtures = ({ orgA }) => ({
  costScenario: async () => {
    const r = await orgA.owner.client.post('/api/v1/cost-scenarios', { name: `Cloud ${randomUUID().slice(0, 8)}`, kind: 'cloud', initialYen: 1_000_000, runningYenPerYear: 2_000_000 });
    assert.equal(r.status, 201, r.raw);
    return { id: r.body.id };
  },
  costActual: async () => {
    const r = await orgA.owner.client.post('/api/v1/cost-actuals', { month: '2026-01', category: 'running', amountYen: 120_000, description: `Bill ${randomUUID().slice(0, 8)}` });
    assert.equal(r.status, 201, r.raw);
    return { id: r.body.id };
  },
  costActualImport: async () => {
    const boundary = `b${randomUUID().slice(0, 8)}`;
    const csv = '計上月,区分,金額(円),内容\r\n2026-01,ランニングコスト,120000,クラウド利用料\r\n';
    const body = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="actuals.csv"\r\nContent-Type: text/csv\r\n\r\n${csv}\r\n--${boundary}--\r\n`;
    const r = await orgA.owner.client.request('POST', '/api/v1/cost-actual-imports', Buffer.from(body), { 'content-type': `multipart/form-data; boundary=${boundary}` });
    assert.equal(r.status, 201, r.raw);
    return { id: r.body.id };
  },
});
