import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { IdField, ModuleFixtures, ModuleIdFields } from '../helpers/route-fixtures.ts';

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

const asset = { medium: 'electronic', records: 1, rank: 'B', unitValueThousandYen: '1' };
const system = { criticality: 'high', currentPlacement: 'mainframe' };

/** The assets module's uuid request fields: owners, departments and the links between assets, workloads and systems. */
export const idFields: ModuleIdFields = ({ target, versionOf, name }) => {
  const own = async (entity: string) => (await target(entity)).id!;
  const patch = async (entity: string, table: string, body: Record<string, unknown>) => {
    const id = await own(entity);
    return { method: 'PATCH' as const, url: `/api/v1/${table}/${id}`, body: { ...body, version: await versionOf(table, id) } };
  };
  const bulk = async (set: Record<string, unknown>, items?: { id: string; version: number }[]) => ({
    method: 'POST' as const,
    url: '/api/v1/assets/bulk-update',
    body: { items: items ?? [{ id: await own('asset'), version: await versionOf('assets', await own('asset')) }], set },
  });
  return {
    'GET /api/v1/assets query.ownerUserId': { kind: 'member', filter: true, request: async (id) => ({ method: 'GET', url: `/api/v1/assets?ownerUserId=${id}` }) },
    'POST /api/v1/assets body.ownerUserId': { kind: 'member', request: async (id) => ({ method: 'POST', url: '/api/v1/assets', body: { ...asset, name: name('Asset'), ownerUserId: id } }) },
    'POST /api/v1/assets body.ownerDepartmentId': { kind: 'department', request: async (id) => ({ method: 'POST', url: '/api/v1/assets', body: { ...asset, name: name('Asset'), ownerDepartmentId: id } }) },
    'PATCH /api/v1/assets/:id body.ownerUserId': { kind: 'member', request: (id) => patch('asset', 'assets', { ownerUserId: id, ownerDepartmentId: null }) },
    'PATCH /api/v1/assets/:id body.ownerDepartmentId': { kind: 'department', request: (id) => patch('asset', 'assets', { ownerDepartmentId: id, ownerUserId: null }) },
    'POST /api/v1/assets/bulk-update body.items[].id': { kind: 'asset', request: async (id) => bulk({ rank: 'A' }, [{ id, version: await versionOf('assets', id) }]) },
    'POST /api/v1/assets/bulk-update body.set.ownerUserId': { kind: 'member', request: (id) => bulk({ ownerUserId: id, ownerDepartmentId: null }) },
    'POST /api/v1/assets/bulk-update body.set.ownerDepartmentId': { kind: 'department', request: (id) => bulk({ ownerDepartmentId: id, ownerUserId: null }) },
    'POST /api/v1/workloads body.assetIds[]': { kind: 'asset', request: async (id) => ({ method: 'POST', url: '/api/v1/workloads', body: { name: name('Workload'), assetIds: [id] } }) },
    'PATCH /api/v1/workloads/:id body.assetIds[]': { kind: 'asset', request: (id) => patch('workload', 'workloads', { assetIds: [id] }) },
    ...Object.fromEntries(
      (['workloadIds', 'assetIds', 'dependsOnIds'] as const).flatMap((field) => {
        const kind = field === 'workloadIds' ? 'workload' : field === 'assetIds' ? 'asset' : 'system';
        const created: IdField = { kind, request: async (id) => ({ method: 'POST', url: '/api/v1/systems', body: { ...system, name: name('System'), [field]: [id] } }) };
        const changed: IdField = { kind, request: (id) => patch('system', 'systems', { [field]: [id] }) };
        return [[`POST /api/v1/systems body.${field}[]`, created], [`PATCH /api/v1/systems/:id body.${field}[]`, changed]];
      }),
    ),
  };
};
