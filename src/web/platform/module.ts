import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { Permission } from '../../shared/policy.ts';

/** A page loaded on first use: every page is its own chunk, so the first page loads only what it shows. */
export type LazyPage = LazyExoticComponent<ComponentType>;

export function lazyPage<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K): LazyPage {
  return lazy(async () => ({ default: (await load())[name] }));
}

/**
 * Who may open a route: anyone (`public`), a signed-in user (`session`), or
 * a member of a current organisation whose MFA policy they satisfy
 * (`organisation`, platform/shell/route-guards.tsx).
 */
export type RouteGuard = 'public' | 'session' | 'organisation';

export interface ModuleRoute {
  /** The address; `index` is '/'. */
  path: string;
  page: LazyPage;
  guard: RouteGuard;
  /** Drawn without the navigation frame (the printable report). Public routes are always without it. */
  bare?: boolean;
}

/** The navigation's sections, in the order they are listed; entries of one section follow the order of the modules. */
export const NAV_SECTIONS = ['start', 'work', 'administration', 'personal'] as const;
export type NavSection = (typeof NAV_SECTIONS)[number];

export interface NavEntry {
  path: string;
  /** The translation key of its label. */
  labelKey: string;
  section: NavSection;
  /** The permission that shows it; without one every member of the organisation sees it. */
  permission?: Permission;
  /** Listed also while there is no organisation ready (none yet, or MFA to set up first). */
  withoutOrganisation?: boolean;
}

/** What one module of the web app adds: its pages with their addresses and guards, and its navigation entries. */
export interface WebModule {
  name: string;
  routes: readonly ModuleRoute[];
  nav: readonly NavEntry[];
}
