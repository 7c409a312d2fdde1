import type { Permission } from '../../../shared/policy.ts';
import { NAV_SECTIONS, type NavEntry, type WebModule } from '../module.ts';

/**
 * The navigation of the modules, section by section and in the modules'
 * order within a section. `can` is the current organisation's permissions,
 * or null while no organisation is ready: then only the entries that need
 * none (the user's own account) are listed.
 */
export function navEntries(modules: readonly WebModule[], can: Partial<Record<Permission, boolean>> | null): NavEntry[] {
  const all = modules.flatMap((m) => m.nav);
  return NAV_SECTIONS.flatMap((section) => all.filter((e) => e.section === section)).filter((e) =>
    can ? !e.permission || !!can[e.permission] : !!e.withoutOrganisation,
  );
}

/** The entry of '/' is active on the home page only; any other also on the pages below it. */
export function isActiveEntry(path: string, pathname: string): boolean {
  return path === '/' ? pathname === '/' : pathname === path || pathname.startsWith(`${path}/`);
}

/** The one entry to mark on a page: of those active there, the deepest (/costs/actuals over /costs on /costs/actuals/new). */
export function activeEntry(paths: readonly string[], pathname: string): string | null {
  return paths.filter((p) => isActiveEntry(p, pathname)).sort((a, b) => b.length - a.length)[0] ?? null;
}
