import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  dependencyCycles,
  finalPlacement,
  placementView,
  strategyMatrix,
  systemFindings,
  type Dependency,
  type PortfolioSystem,
  type SystemFindingCode,
} from './system.rules.ts';

const sys = (id: string, patch: Partial<PortfolioSystem> = {}): PortfolioSystem => ({
  id,
  criticality: 'high',
  strategy: 'retain',
  effortPersonMonths: null,
  rationale: 'why',
  currentPlacement: 'mainframe',
  targetPlacement: null,
  connections: [],
  ...patch,
});
const dep = (systemId: string, dependsOnId: string): Dependency => ({ systemId, dependsOnId });

describe('dependencyCycles', () => {
  const cases: { name: string; ids: string[]; deps: Dependency[]; cycles: string[][] }[] = [
    { name: 'no dependencies', ids: ['a', 'b'], deps: [], cycles: [] },
    { name: 'a chain is not a cycle', ids: ['a', 'b', 'c'], deps: [dep('a', 'b'), dep('b', 'c')], cycles: [] },
    { name: 'a diamond is not a cycle', ids: ['a', 'b', 'c', 'd'], deps: [dep('a', 'b'), dep('a', 'c'), dep('b', 'd'), dep('c', 'd')], cycles: [] },
    { name: 'two systems depending on each other', ids: ['a', 'b'], deps: [dep('a', 'b'), dep('b', 'a')], cycles: [['a', 'b']] },
    { name: 'a three-system loop, listed in the given order', ids: ['c', 'a', 'b'], deps: [dep('a', 'b'), dep('b', 'c'), dep('c', 'a')], cycles: [['c', 'a', 'b']] },
    {
      name: 'two separate loops and a tail',
      ids: ['a', 'b', 'c', 'd', 'e', 'f'],
      deps: [dep('a', 'b'), dep('b', 'a'), dep('b', 'c'), dep('d', 'e'), dep('e', 'f'), dep('f', 'd')],
      cycles: [['a', 'b'], ['d', 'e', 'f']],
    },
    { name: 'edges to unknown systems are ignored', ids: ['a'], deps: [dep('a', 'zz'), dep('zz', 'a')], cycles: [] },
  ];
  for (const c of cases) test(c.name, () => assert.deepEqual(dependencyCycles(c.ids, c.deps), c.cycles));

  test('a chain of 20,000 systems does not overflow the stack', () => {
    const ids = Array.from({ length: 20_000 }, (_, i) => `s${i}`);
    const deps = ids.slice(1).map((id, i) => dep(ids[i], id));
    assert.deepEqual(dependencyCycles(ids, deps), []);
    assert.equal(dependencyCycles(ids, [...deps, dep(ids.at(-1)!, ids[0])])[0].length, 20_000);
  });
});

describe('finalPlacement', () => {
  test('retire: nowhere; retain: where it is; otherwise the target, or where it is', () => {
    assert.equal(finalPlacement(sys('a', { strategy: 'retire', targetPlacement: 'public_cloud' })), null);
    assert.equal(finalPlacement(sys('a', { strategy: 'retain', targetPlacement: 'public_cloud' })), 'mainframe');
    assert.equal(finalPlacement(sys('a', { strategy: 'rehost', targetPlacement: 'public_cloud' })), 'public_cloud');
    assert.equal(finalPlacement(sys('a', { strategy: null })), 'mainframe');
  });
});

describe('systemFindings', () => {
  const findingCodes = (s: PortfolioSystem, others: PortfolioSystem[] = [], deps: Dependency[] = [], cycles: string[][] = []) =>
    systemFindings(s, new Map([s, ...others].map((o) => [o.id, o])), deps, cycles).map((f) => f.code);

  const cases: { name: string; system: PortfolioSystem; codes: SystemFindingCode[] }[] = [
    { name: 'no strategy yet', system: sys('a', { strategy: null }), codes: ['strategyUndecided'] },
    { name: 'retain, well explained: nothing', system: sys('a'), codes: [] },
    { name: 'a strategy without a rationale', system: sys('a', { rationale: '  ' }), codes: ['rationaleMissing'] },
    { name: 'rehost without effort or cloud target', system: sys('a', { strategy: 'rehost' }), codes: ['effortMissing', 'movingWithoutCloudTarget'] },
    { name: 'refactor to on-premises is not a move to the cloud', system: sys('a', { strategy: 'refactor', effortPersonMonths: 3, targetPlacement: 'on_premises' }), codes: ['movingWithoutCloudTarget'] },
    { name: 'replatform to the Government Cloud', system: sys('a', { strategy: 'replatform', effortPersonMonths: 12, targetPlacement: 'government_cloud' }), codes: [] },
    { name: 'retain but moving', system: sys('a', { targetPlacement: 'private_cloud' }), codes: ['retainWithDifferentTarget'] },
    { name: 'retain with the same target', system: sys('a', { targetPlacement: 'mainframe' }), codes: [] },
    { name: 'retire with a target', system: sys('a', { strategy: 'retire', targetPlacement: 'public_cloud' }), codes: ['retireWithTarget'] },
  ];
  for (const c of cases) test(c.name, () => assert.deepEqual(findingCodes(c.system), c.codes));

  // Seed 004: mainframe on premises and public cloud joined by VPN or leased line, data via an API gateway.
  const mainframe = sys('mf');
  const bi = sys('bi', { strategy: 'refactor', effortPersonMonths: 6, targetPlacement: 'public_cloud' });

  test('a cloud system depending on the mainframe with no link: link missing and gateway recommended', () => {
    const found = systemFindings(bi, new Map([mainframe, bi].map((s) => [s.id, s])), [dep('bi', 'mf')], []);
    assert.deepEqual(found.map((f) => f.code), ['hybridLinkMissing', 'apiGatewayRecommended']);
    assert.deepEqual(found[0].systemIds, ['mf']);
    assert.match(found[0].source, /004_eaa084eda4e01963\.txt/);
  });

  test('the mainframe side sees the same boundary (it is depended on)', () => {
    assert.deepEqual(findingCodes(mainframe, [bi], [dep('bi', 'mf')]), ['hybridLinkMissing', 'apiGatewayRecommended']);
  });

  test('a VPN at either end links them; an API gateway at either end carries the data', () => {
    assert.deepEqual(findingCodes({ ...bi, connections: ['vpn'] }, [mainframe], [dep('bi', 'mf')]), ['apiGatewayRecommended']);
    assert.deepEqual(findingCodes(bi, [{ ...mainframe, connections: ['dedicated_line', 'api_gateway'] }], [dep('bi', 'mf')]), []);
  });

  test('two systems on the same side need no link', () => {
    assert.deepEqual(findingCodes(sys('a'), [sys('b', { currentPlacement: 'on_premises' })], [dep('a', 'b')]), []);
  });

  test('a retired system is outside the boundary, but depending on it is flagged', () => {
    const old = sys('old', { strategy: 'retire' });
    assert.deepEqual(findingCodes(bi, [old], [dep('bi', 'old')]), ['dependsOnRetired']);
    assert.deepEqual(findingCodes(old, [bi], [dep('bi', 'old')]), []);
  });

  test('dependencies on systems outside the portfolio given are ignored', () => {
    assert.deepEqual(findingCodes(bi, [], [dep('bi', 'gone'), dep('gone', 'bi'), dep('x', 'y')]), []);
    assert.deepEqual(placementView([bi], [dep('bi', 'gone')]).boundaryLinks, []);
  });

  test('a system in a cycle names the other members', () => {
    const found = systemFindings(sys('a'), new Map([sys('a'), sys('b')].map((s) => [s.id, s])), [dep('a', 'b'), dep('b', 'a')], [['a', 'b']]);
    assert.deepEqual(found, [{ code: 'inCycle', tone: 'warning', source: 'FACTS.md 5', systemIds: ['b'] }]);
  });
});

describe('strategyMatrix and placementView', () => {
  const list = [
    sys('a', { strategy: 'rehost', criticality: 'critical', effortPersonMonths: 0.1 }),
    sys('b', { strategy: 'rehost', criticality: 'critical', effortPersonMonths: 0.2 }),
    sys('c', { strategy: null, criticality: 'low' }),
    sys('d', { strategy: 'retain', criticality: 'low' }),
  ];

  test('one cell per strategy and criticality, effort summed exactly, undecided last', () => {
    assert.deepEqual(strategyMatrix(list), [
      { strategy: 'rehost', criticality: 'critical', systemIds: ['a', 'b'], effortPersonMonths: 0.3 },
      { strategy: 'retain', criticality: 'low', systemIds: ['d'], effortPersonMonths: 0 },
      { strategy: null, criticality: 'low', systemIds: ['c'], effortPersonMonths: 0 },
    ]);
  });

  test('placements now and after, and links across the boundary with their connections', () => {
    const systems = [
      sys('mf', { connections: ['dedicated_line'] }),
      sys('bi', { strategy: 'refactor', targetPlacement: 'public_cloud', connections: ['api_gateway'] }),
      sys('old', { strategy: 'retire' }),
      sys('web', { strategy: 'rehost', currentPlacement: 'on_premises', targetPlacement: 'public_cloud' }),
    ];
    const view = placementView(systems, [dep('bi', 'mf'), dep('web', 'bi'), dep('old', 'mf')]);
    assert.deepEqual(view.current, [
      { placement: 'mainframe', systemIds: ['mf', 'bi', 'old'] },
      { placement: 'on_premises', systemIds: ['web'] },
    ]);
    assert.deepEqual(view.target, [
      { placement: 'mainframe', systemIds: ['mf'] },
      { placement: 'public_cloud', systemIds: ['bi', 'web'] },
      { placement: 'retired', systemIds: ['old'] },
    ]);
    assert.deepEqual(view.boundaryLinks, [{ systemId: 'bi', dependsOnId: 'mf', connections: ['dedicated_line', 'api_gateway'] }]);
  });
});
