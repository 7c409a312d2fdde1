import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { ModuleFixtures } from '../helpers/route-fixtures.ts';

/** The assets module's entities in organisation A: a workload, a system, an asset and an import. */
export const fixtures: ModuleFixtures = ({ orgA }) => ({
  workload: async () => {
    const r = await orgA.owner.client.post('/api/v1/workloads', { name: `Workload ${randomUUID().slice(0, 8)}` });
    assert.equal(r.status, 201, r.raw);
    return { id: r.body.id };
  },
  system: async () => {
    const r = await orgA.owner.client.post('/api/v1/systems', { name: `System ${randomUUID().slice(0, 8)}`, criticality: 'high', currentPlacement: 'mainframe' });
    assert.equal(r.status, 201, r.raw);
    return { id: r.body.id };
  },
  asset: async () => {
    const r = await orgA.owner.client.post('/api/v1/assets', { name: `Asset ${randomUUID().slice(0, 8)}`, medium: 'electronic', records: 1, rank: 'B', unitValueThousandYen: '1' });
    assert.equal(r.status, 201, r.raw);
    return { id: r.body.id };
  },
  'asset-import': async () => {
    const boundary = `b${randomUUID().slice(0, 8)}`;
    const csv = '情報資産名,媒体,データ総件数,ランク,千円\r\n顧客台帳,電子媒体,1,B,1\r\n';
    const body = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\nContent-Type: text/csv\r\n\r\n${csv}\r\n--${boundary}--\r\n`;
    const r = await orgA.owner.client.request('POST', '/api/v1/asset-imports', Buffer.from(body), { 'content-type': `multipart/form-data; boundary=${boundary}` });
    assert.equal(r.status, 201, r.raw);
    return { id: r.body.id };
  },
});
