import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fitCells, fitTotals, profileFindings, requiredAvailability, type Offer, type Profile } from './fit.rules.ts';

/** Seed 000 III.6.2's example: a SaaS sales workload, 99.7 % (年間停止0.5日以内), recovery within half a day, support wanted. */
const seedProfile: Profile = {
  serviceType: 'saas',
  dataInJapan: true,
  ismapRequired: 'none',
  availabilityPercent: 99.7,
  maxDowntimeHours: 12,
  downtimePeriod: 'year',
  recoveryHours: 12,
  serviceHoursPerDay: 24,
  serviceDaysPerYear: 365,
  support: 'most',
  judgements: [{ providerId: 'p1', key: 'migration', fit: 'partial', note: '1 TB over the network' }],
  migrationStated: true,
  interfacesStated: true,
  terminalsStated: false,
};
const offer: Offer = { id: 'p1', serviceTypes: ['saas', 'iaas'], dataLocations: [{ country: 'JP' }, { country: 'US' }], ismap: 'none', slaAvailabilityPercent: 99.9, recoveryTimeHours: 4, supportHours: 'always' };
const stateOf = (cells: ReturnType<typeof fitCells>, key: string) => cells.find((c) => c.key === key)!.state;

describe('the fit matrix', () => {
  test("the study's example against a provider with 99.9 % and a 4-hour recovery", () => {
    const cells = fitCells(seedProfile, offer);
    assert.deepEqual(
      Object.fromEntries(cells.map((c) => [c.key, c.state])),
      { serviceType: 'fits', dataLocation: 'fits', ismap: 'notRequired', availability: 'fits', recovery: 'fits', support: 'fits', migration: 'partial', interfaces: 'unknown', terminals: 'notRequired' },
    );
    // 5 fits + a half over 7 applicable
    assert.deepEqual(fitTotals(cells), { fits: 5, partial: 1, gaps: 0, unknown: 1, knockOuts: 0, score: 78.6, eligible: true });
  });
  test('the availability needed is the stricter of 99.7 % and half a day a year (99.863 %): a 99.8 % SLA falls short', () => {
    assert.equal(requiredAvailability(seedProfile)!.toFixed(3), '99.863');
    const cells = fitCells(seedProfile, { ...offer, slaAvailabilityPercent: 99.8 });
    assert.equal(stateOf(cells, 'availability'), 'gap');
    assert.equal(cells.find((c) => c.key === 'availability')!.required, '99.863');
  });
  test('musts knock a provider out: no SaaS, no data in Japan, no ISMAP registration', () => {
    const out = fitCells({ ...seedProfile, ismapRequired: 'ismap' }, { ...offer, serviceTypes: ['iaas'], dataLocations: [{ country: 'US' }] });
    assert.equal(stateOf(out, 'serviceType'), 'knockOut');
    assert.equal(stateOf(out, 'dataLocation'), 'knockOut');
    assert.equal(stateOf(out, 'ismap'), 'knockOut');
    const totals = fitTotals(out);
    assert.equal(totals.knockOuts, 3);
    assert.equal(totals.eligible, false);
  });
  test('ISMAP meets an ISMAP-LIU requirement; ISMAP-LIU does not meet ISMAP', () => {
    assert.equal(stateOf(fitCells({ ...seedProfile, ismapRequired: 'ismap_liu' }, { ...offer, ismap: 'ismap' }), 'ismap'), 'fits');
    assert.equal(stateOf(fitCells({ ...seedProfile, ismapRequired: 'ismap_liu' }, { ...offer, ismap: 'ismap_liu' }), 'ismap'), 'fits');
    assert.equal(stateOf(fitCells({ ...seedProfile, ismapRequired: 'ismap' }, { ...offer, ismap: 'ismap_liu' }), 'ismap'), 'knockOut');
  });
  test("a provider's figure not recorded is unknown, not a gap; no data location recorded is unknown", () => {
    const cells = fitCells(seedProfile, { ...offer, slaAvailabilityPercent: null, recoveryTimeHours: null, dataLocations: [] });
    assert.equal(stateOf(cells, 'availability'), 'unknown');
    assert.equal(stateOf(cells, 'recovery'), 'unknown');
    assert.equal(stateOf(cells, 'dataLocation'), 'unknown');
  });
  test('recovery slower than required is a gap', () => assert.equal(stateOf(fitCells(seedProfile, { ...offer, recoveryTimeHours: 24 }), 'recovery'), 'gap'));
  test('support: business hours for "as much as possible" is partial, none is a gap; "some" is met by business hours', () => {
    assert.equal(stateOf(fitCells(seedProfile, { ...offer, supportHours: 'business' }), 'support'), 'partial');
    assert.equal(stateOf(fitCells(seedProfile, { ...offer, supportHours: 'none' }), 'support'), 'gap');
    assert.equal(stateOf(fitCells({ ...seedProfile, support: 'some' }, { ...offer, supportHours: 'business' }), 'support'), 'fits');
  });
  test('judgements are per provider: another provider has none yet', () => assert.equal(stateOf(fitCells(seedProfile, { ...offer, id: 'p2' }), 'migration'), 'unknown'));
  test('an empty profile requires nothing and has no score', () => {
    const empty: Profile = { ...seedProfile, serviceType: null, dataInJapan: false, availabilityPercent: null, maxDowntimeHours: null, recoveryHours: null, support: 'none', migrationStated: false, interfacesStated: false };
    const totals = fitTotals(fitCells(empty, offer));
    assert.equal(totals.score, null);
    assert.equal(totals.eligible, true);
  });
});

describe("the profile's own contradictions", () => {
  test('the study pairs 99.7 % with half a day a year: flagged with the arithmetic', () => {
    const [f] = profileFindings(seedProfile);
    assert.equal(f!.code, 'downtimeNeedsHigherAvailability');
  });
  test('measured in service hours (11 h on 359 days): 99.7 % allows 11.8 hours, so a 12-hour recovery breaks it', () => {
    const findings = profileFindings({ ...seedProfile, maxDowntimeHours: null, serviceHoursPerDay: 11, serviceDaysPerYear: 359 });
    assert.deepEqual(findings.map((f) => f.code), ['recoveryExceedsDowntime']);
  });
});
