import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { IdField, ModuleFixtures, ModuleIdFields } from '../helpers/route-fixtures.ts';

/** The providers module's entities in organisation A: a provider, a contract with it, and a workload's requirements. */
export const fixtures: ModuleFixtures = ({ t, orgA, all }) => {
  const provider = async () => {
    // The evaluation items and the 17 contract items come from the shipped catalog, loaded as the organisation's first read would.
    const { loadShippedCatalog } = await import('../../src/server/catalog/catalog.loader.ts');
    await loadShippedCatalog(t.database, t.config.CATALOG_DIR);
    const r = await orgA.owner.client.post('/api/v1/providers', { name: `Provider ${randomUUID().slice(0, 8)}`, serviceTypes: ['saas'], dataLocations: [{ country: 'JP', region: 'Tokyo' }] });
    assert.equal(r.status, 201, r.raw);
    return { id: r.body.id as string };
  };
  return {
    provider,
    // A workload's requirements profile is addressed by its workload (the assets module's entity).
    workloadRequirements: () => all.workload!(),
    contract: async () => {
      const { id: providerId } = await provider();
      const r = await orgA.owner.client.post('/api/v1/contracts', { providerId, title: `Contract ${randomUUID().slice(0, 8)}`, startsOn: '2026-04-01', termMonths: 12, autoRenew: true, noticeAmount: 3, noticeUnit: 'months' });
      assert.equal(r.status, 201, r.raw);
      return { id: r.body.id as string };
    },
  };
};

/** A contract names its provider; a workload's requirements name the providers compared and judged. */
export const idFields: ModuleIdFields = (ctx) => {
  const { target, versionOf, name } = ctx;
  const contract = { title: name('Contract'), startsOn: '2026-04-01', termMonths: 12 };
  const requirements = async (providerIds: string[], judgements: unknown[]) => {
    const workloadId = (await target('workload')).id!;
    const current = await ctx.orgA.owner.client.get(`/api/v1/workloads/${workloadId}/requirements`);
    assert.equal(current.status, 200, current.raw);
    const { profile } = current.body;
    return { method: 'PATCH' as const, url: `/api/v1/workloads/${workloadId}/requirements`, body: { ...profile, providerIds, judgements, version: current.body.version } };
  };
  const fields: Record<string, IdField> = {
    'POST /api/v1/contracts body.providerId': { kind: 'provider', request: async (id) => ({ method: 'POST', url: '/api/v1/contracts', body: { ...contract, title: name('Contract'), providerId: id } }) },
    'PATCH /api/v1/contracts/:id body.providerId': {
      kind: 'provider',
      request: async (id) => {
        const contractId = (await target('contract')).id!;
        return { method: 'PATCH', url: `/api/v1/contracts/${contractId}`, body: { providerId: id, version: await versionOf('contracts', contractId) } };
      },
    },
    'PATCH /api/v1/workloads/:id/requirements body.providerIds[]': { kind: 'provider', request: async (id) => requirements([id], []) },
    'PATCH /api/v1/workloads/:id/requirements body.judgements[].providerId': {
      kind: 'provider',
      request: async (id) => requirements([id], [{ providerId: id, key: 'migration', fit: 'fits' }]),
    },
  };
  return fields;
};
