import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { profileComplete, profileProblems, type ProfileFacts } from './organisation-profile.rules.ts';

const base: ProfileFacts = { industryId: 'urn:kumoji:seed-000:industries:manufacturing', employees: 25, handlesPersonalData: false, handlesSensitivePersonalData: false, handlesEuResidentsData: false };
const known = (id: string) => id.startsWith('urn:kumoji:seed-000:industries:');

describe('organisation profile rules', () => {
  const cases: [string, Partial<ProfileFacts>, string[]][] = [
    ['a consistent profile', {}, []],
    ['no industry yet', { industryId: null }, []],
    ['an industry not in the list', { industryId: 'urn:kumoji:seed-000:stages:stage-1' }, ['industryId:industryUnknown']],
    ['sensitive data is personal data', { handlesSensitivePersonalData: true }, ['handlesSensitivePersonalData:needsPersonalData']],
    ["EU residents' data is personal data", { handlesEuResidentsData: true }, ['handlesEuResidentsData:needsPersonalData']],
    ['both, with personal data: fine', { handlesPersonalData: true, handlesSensitivePersonalData: true, handlesEuResidentsData: true }, []],
  ];
  for (const [name, patch, expected] of cases) {
    test(name, () => assert.deepEqual(profileProblems({ ...base, ...patch }, known).map((e) => `${e.path}:${e.code}`), expected));
  }
  test('complete once the industry and the head count are there', () => {
    assert.equal(profileComplete(null), false);
    assert.equal(profileComplete(base), true);
    assert.equal(profileComplete({ ...base, employees: null }), false);
    assert.equal(profileComplete({ ...base, industryId: null }), false);
  });
});
