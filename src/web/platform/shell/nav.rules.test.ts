import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { can, PERMISSIONS, ROLES, type Permission, type Role } from '../../../shared/policy.ts';
import { WEB_MODULES } from '../../modules.ts';
import { NAV_SECTIONS } from '../module.ts';
import { activeEntry, isActiveEntry, navEntries } from './nav.rules.ts';

const permissionsOf = (role: Role) => Object.fromEntries(Object.keys(PERMISSIONS).map((p) => [p, can(role, p as Permission)]));
const pathsFor = (role: Role | null) => navEntries(WEB_MODULES, role ? permissionsOf(role) : null).map((e) => e.path);

describe('navigation from the modules', () => {
  // Derived from the module list, so a new module's entries need no change here.
  test('an owner sees every entry once, section by section and in the modules’ order within a section', () => {
    const all = WEB_MODULES.flatMap((m) => m.nav);
    const expected = NAV_SECTIONS.flatMap((section) => all.filter((e) => e.section === section)).map((e) => e.path);
    assert.deepEqual(pathsFor('owner'), expected);
    assert.equal(new Set(expected).size, expected.length);
    assert.equal(expected[0], '/');
    assert.equal(expected.at(-1), '/account');
    for (const path of ['/dashboard', '/diagnosis', '/knowledge', '/assets', '/members', '/audit', '/organisation']) assert.ok(expected.includes(path), path);
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

  test('of two entries one inside the other, the deeper is marked on its pages, the outer on the rest', () => {
    const paths = ['/', '/costs', '/costs/actuals'];
    assert.equal(activeEntry(paths, '/costs/actuals/new'), '/costs/actuals');
    assert.equal(activeEntry(paths, '/costs/scenarios/1'), '/costs');
    assert.equal(activeEntry(paths, '/assets'), null);
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
    const publicOrSession = routes.filter((r) => r.guard !== 'organisation').map((r) => r.path);
    assert.deepEqual(publicOrSession.sort(), ['/setup', '/sign-in', '/invitations/:token', '/account', '/account/mfa-setup', '/organisations/new'].sort(), 'only the platform opens pages without an organisation');
  });

  test("a domain module's pages are its organisation's, at or below one of its own navigation entries", () => {
    for (const m of WEB_MODULES.filter((x) => x.name !== 'platform')) {
      const roots = m.nav.map((e) => e.path);
      for (const r of m.routes) {
        assert.equal(r.guard, 'organisation', `${m.name}: ${r.path}`);
        assert.ok(roots.some((root) => r.path === root || r.path.startsWith(`${root}/`)), `${m.name}: ${r.path} is under none of ${roots.join(', ')}`);
      }
    }
  });
});
