import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { can, PERMISSIONS, ROLES, type Permission, type Role } from '../../../shared/policy.ts';
import { WEB_MODULES } from '../../modules.ts';
import { isActiveEntry, navEntries } from './nav.rules.ts';

const permissionsOf = (role: Role) => Object.fromEntries(Object.keys(PERMISSIONS).map((p) => [p, can(role, p as Permission)]));
const pathsFor = (role: Role | null) => navEntries(WEB_MODULES, role ? permissionsOf(role) : null).map((e) => e.path);

describe('navigation from the modules', () => {
  test('an owner sees every entry, in the order of the sections and the modules', () => {
    assert.deepEqual(pathsFor('owner'), [
      '/',
      '/dashboard',
      '/diagnosis',
      '/roadmap',
      '/stages',
      '/organisation-profile',
      '/knowledge',
      '/assets',
      '/workloads',
      '/systems',
      '/risks',
      '/members',
      '/audit',
      '/organisation',
      '/account',
    ]);
  });

  test('an entry with a permission is listed only for the roles that have it', () => {
    const expected: Record<Role, string[]> = {
      owner: ['/audit', '/organisation'],
      manager: [],
      staff: [],
      auditor: ['/audit'],
    };
    for (const role of ROLES) {
      const paths = pathsFor(role);
      assert.deepEqual(
        paths.filter((p) => p === '/audit' || p === '/organisation'),
        expected[role],
        role,
      );
      assert.ok(paths.includes('/assets') && paths.includes('/members') && paths.includes('/account'), role);
    }
  });

  test('while no organisation is ready only the account is listed', () => {
    assert.deepEqual(pathsFor(null), ['/account']);
  });

  test('the home entry is active on the home page only; others on the pages below them', () => {
    const cases: [string, string, boolean][] = [
      ['/', '/', true],
      ['/', '/assets', false],
      ['/assets', '/assets', true],
      ['/assets', '/assets/new', true],
      ['/assets', '/assets-other', false],
      ['/diagnosis', '/diagnosis/assessments/1', true],
    ];
    for (const [path, pathname, active] of cases) assert.equal(isActiveEntry(path, pathname), active, `${path} on ${pathname}`);
  });
});

describe('routes from the modules', () => {
  const routes = WEB_MODULES.flatMap((m) => m.routes);

  test('no address is declared twice', () => {
    const paths = routes.map((r) => r.path);
    assert.deepEqual(paths, [...new Set(paths)]);
  });

  test('every navigation entry opens a route of its own module', () => {
    for (const m of WEB_MODULES) {
      for (const e of m.nav) {
        const path = e.path === '/' ? 'index' : e.path;
        assert.ok(m.routes.some((r) => r.path === path), `${m.name}: ${e.path}`);
      }
    }
  });

  test('each address keeps its guard: public set-up and sign-in, session-only account pages, the rest for an organisation', () => {
    const guardOf = Object.fromEntries(routes.map((r) => [r.path, `${r.guard}${r.bare ? ' bare' : ''}`]));
    assert.equal(guardOf['/setup'], 'public');
    assert.equal(guardOf['/sign-in'], 'public');
    assert.equal(guardOf['/invitations/:token'], 'public');
    assert.equal(guardOf['/account'], 'session');
    assert.equal(guardOf['/account/mfa-setup'], 'session');
    assert.equal(guardOf['/organisations/new'], 'session');
    assert.equal(guardOf['/diagnosis/report'], 'organisation bare');
    const inFrame = routes.filter((r) => r.guard === 'organisation' && !r.bare).map((r) => r.path);
    assert.deepEqual(inFrame.sort(), [
      'index', '/members', '/audit', '/organisation', '/dashboard', '/organisation-profile', '/diagnosis',
      '/diagnosis/assessments/:assessmentId', '/diagnosis/assessments/:assessmentId/compare', '/stages', '/roadmap',
      '/knowledge', '/knowledge/collections/:collectionId', '/knowledge/items/:itemId', '/knowledge/search', '/knowledge/glossary', '/knowledge/upload',
      '/assets', '/assets/new', '/assets/summary', '/assets/import', '/assets/import/:id', '/assets/:id',
      '/workloads', '/workloads/new', '/workloads/:id', '/systems', '/systems/new', '/systems/portfolio', '/systems/:id',
      '/risks', '/risks/new', '/risks/analysis', '/risks/insurance', '/risks/insurance/new', '/risks/insurance/:id', '/risks/:id',
    ].sort());
  });
});
