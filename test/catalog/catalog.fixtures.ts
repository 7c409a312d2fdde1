import assert from 'node:assert/strict';
import type { ModuleFixtures } from '../helpers/route-fixtures.ts';

/** The catalog's entities in organisation A: a collection of its own file, and an item of it. */
export const fixtures: ModuleFixtures = ({ orgA }) => {
  /** An organisation's own catalog file in A (uploading the same file again changes nothing). */
  async function ownCatalogFile() {
    const content = [
      'id: urn:kumoji:org:security-fixture',
      'type: reference',
      'version: 1',
      'name: { ja: 自社規程, en: House rules }',
      'source: "security test"',
      'items:',
      '  - id: urn:kumoji:org:security-fixture:one',
      '    ja: 規程',
      '    en: Rule',
      '    source: "security test"',
    ].join('\n');
    const r = await orgA.owner.client.post('/api/v1/catalog/organisation-files', { filename: 'security-fixture.yaml', content });
    assert.equal(r.status, 200, r.raw);
    return { collectionId: 'urn:kumoji:org:security-fixture', itemId: 'urn:kumoji:org:security-fixture:one' };
  }
  return {
    'catalog-collection': async () => ({ collectionId: (await ownCatalogFile()).collectionId }),
    'catalog-item': async () => ({ itemId: (await ownCatalogFile()).itemId }),
  };
};
