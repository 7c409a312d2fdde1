import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { certificationKey, certificationStanding, roleGaps } from './staffing.rules.ts';

const today = '2026-12-06';

describe('a certification', () => {
  test('expired the day after its date; expiring soon from 90 days before to the date itself', () => {
    assert.equal(certificationStanding('2026-12-05', today), 'expired');
    assert.equal(certificationStanding('2026-12-06', today), 'expiringSoon');
    assert.equal(certificationStanding('2027-03-06', today), 'expiringSoon');
    assert.equal(certificationStanding('2027-03-07', today), 'valid');
    assert.equal(certificationStanding(null, today), 'valid');
  });
  test('names compared after NFKC, case and spacing', () => {
    assert.equal(certificationKey('ＣＩＳＳＰ'), certificationKey(' cissp '));
    assert.equal(certificationKey('AWS Certified  Security'), certificationKey('aws certified security'));
  });
});

describe('what a role lacks', () => {
  const certified = { certifications: [{ name: 'CISSP', expiresOn: '2028-01-01' }] };
  const uncertified = { certifications: [] };
  test('no holder; a critical role held by one', () => {
    assert.deepEqual(roleGaps({ critical: false, requiredCertifications: [] }, [], today), ['noHolder']);
    assert.deepEqual(roleGaps({ critical: true, requiredCertifications: [] }, [uncertified], today), ['tooFewHolders']);
    assert.deepEqual(roleGaps({ critical: true, requiredCertifications: [] }, [uncertified, uncertified], today), []);
    assert.deepEqual(roleGaps({ critical: false, requiredCertifications: [] }, [uncertified], today), []);
  });
  test('a required certification: one valid holder is enough; expired ones do not count; only soon-expiring ones are warned', () => {
    const role = { critical: false, requiredCertifications: ['情報処理安全確保支援士(RISS)', 'CISSP'] };
    assert.deepEqual(roleGaps(role, [uncertified, certified], today), []);
    assert.deepEqual(roleGaps(role, [uncertified], today), ['noCertifiedHolder']);
    assert.deepEqual(roleGaps(role, [{ certifications: [{ name: 'cissp', expiresOn: '2026-12-01' }] }], today), ['noCertifiedHolder']);
    assert.deepEqual(roleGaps(role, [{ certifications: [{ name: 'CISSP', expiresOn: '2027-01-31' }] }], today), ['certificationExpiring']);
    assert.deepEqual(roleGaps(role, [{ certifications: [{ name: 'CISSP', expiresOn: '2027-01-31' }] }, certified], today), []);
  });
  test('both kinds of gap at once', () => {
    assert.deepEqual(roleGaps({ critical: true, requiredCertifications: ['CISSP'] }, [uncertified], today), ['tooFewHolders', 'noCertifiedHolder']);
  });
});
