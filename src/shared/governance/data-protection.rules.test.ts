import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { effectiveClass, protectionGaps } from './data-protection.rules.ts';

describe('the class a store is protected as', () => {
  test('the highest of its own class and its assets’ confidentiality', () => {
    assert.equal(effectiveClass('low', [{ confidentiality: 'medium', containsPersonalData: false }]), 'medium');
    assert.equal(effectiveClass('high', [{ confidentiality: 'low', containsPersonalData: false }]), 'high');
    assert.equal(effectiveClass(null, [{ confidentiality: null, containsPersonalData: false }, { confidentiality: 'low', containsPersonalData: false }]), 'low');
  });
  test('personal data makes it high', () => {
    assert.equal(effectiveClass('low', [{ confidentiality: 'low', containsPersonalData: true }]), 'high');
  });
  test('nothing classifies it: null', () => {
    assert.equal(effectiveClass(null, []), null);
    assert.equal(effectiveClass(null, [{ confidentiality: null, containsPersonalData: false }]), null);
  });
});

describe('what a store lacks', () => {
  const strong = { atRest: 'aes256', tlsMinimum: '1.2', keyManagement: 'provider' } as const;
  test('a high store: AES-256 at rest, TLS 1.2 or later, managed keys', () => {
    assert.deepEqual(protectionGaps('high', strong), []);
    assert.deepEqual(protectionGaps('high', { ...strong, tlsMinimum: '1.3', keyManagement: 'customer' }), []);
    assert.deepEqual(protectionGaps('high', { atRest: 'aes128', tlsMinimum: '1.1', keyManagement: 'none' }), ['inTransitBelowTls12', 'atRestNotAes256', 'keysUnmanaged']);
    assert.deepEqual(protectionGaps('high', { atRest: 'unknown', tlsMinimum: 'unknown', keyManagement: 'unknown' }), ['inTransitBelowTls12', 'atRestNotAes256', 'keysUnmanaged']);
  });
  test('medium and low: TLS only; at rest is the organisation’s decision', () => {
    assert.deepEqual(protectionGaps('medium', { atRest: 'none', tlsMinimum: '1.2', keyManagement: 'none' }), []);
    assert.deepEqual(protectionGaps('low', { atRest: 'none', tlsMinimum: '1.0', keyManagement: 'none' }), ['inTransitBelowTls12']);
  });
  test('unclassified is a gap of its own', () => {
    assert.deepEqual(protectionGaps(null, strong), ['unclassified']);
  });
});
