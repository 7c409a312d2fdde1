import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import type { AnyRoute } from '../../src/server/platform/http/route.ts';
import { MODULES } from '../../src/server/modules.ts';
import { can, type Permission, type Role } from '../../src/shared/policy.ts';
import type { TestApp, TestMember, TestOrganisation } from './test-app.ts';

/**
 * What the tests generated from the route table share: how to get
 * organisation A's id for every kind of entity a route path names, and how
 * to fill a route's path with it. Each module makes its own entities, in
 * `test/<module>/<module>.fixtures.ts` (exporting `fixtures`), found from the
 * module list (src/server/modules.ts); security.test.ts fails for a module
 * without that file.
 */

export type RouteFixtures = Record<string, () => Promise<Record<string, string>>>;

export interface RouteFixtureContext {
  t: TestApp;
  orgA: TestOrganisation;
  staffA: TestMember;
}

/** A module's fixtures; `all` holds every module's, for an entity made through another (evidence through an answer). */
export type ModuleFixtures = (ctx: RouteFixtureContext & { all: RouteFixtures }) => RouteFixtures;

/** A request naming an id in its body or query string (tenant-ids.test.ts). */
export type IdRequest = { method: 'GET' | 'POST' | 'PATCH'; url: string; body?: unknown };

/** One uuid field of a request schema, keyed `METHOD /url body.field` or `… query.field`. */
export interface IdField {
  /** The entity the field names: a fixture's name (its first id), or `organisation`. */
  kind: string;
  /** The request with `id` in the field, everything else valid for organisation A. */
  request(id: string): Promise<IdRequest>;
  /** What organisation A's own id gets: created or changed (`ok`), or just found (a comparison needs two submitted assessments). */
  own?: 'ok' | 'found';
  /** A list filter: another organisation's id may answer 200 with no items. */
  filter?: boolean;
}

/** What id fields build their requests from; the fields are listed when the test file loads, so read `orgA` only inside `request`. */
export interface IdFieldContext {
  readonly orgA: TestOrganisation;
  /** Organisation A's entity that PATCH requests change, made once (the fixture's ids). */
  target(entity: string): Promise<Record<string, string>>;
  /** The version a PATCH of `table`'s row must send. */
  versionOf(table: string, id: string): Promise<number>;
  /** A fresh name, so that creations never collide. */
  name(what: string): string;
}

/** A module's uuid request fields (`idFields` beside `fixtures`); tenant-ids.test.ts fails for a field no module names. */
export type ModuleIdFields = (ctx: IdFieldContext) => Record<string, IdField>;

/** Each module's fixtures file, by module id (a module without one is missing here). */
const MODULE_FILES = new Map(
  (
    await Promise.all(
      MODULES.map(async (m) => {
        const file = new URL(`../${m.id}/${m.id}.fixtures.ts`, import.meta.url);
        if (!fs.existsSync(file)) return [];
        return [[m.id, (await import(file.href)) as { fixtures?: ModuleFixtures; idFields?: ModuleIdFields }] as const];
      }),
    )
  ).flat(),
);

/** Each module's fixtures by module id; a module without a fixtures file is missing here. */
export const MODULE_FIXTURES: ReadonlyMap<string, ModuleFixtures> = new Map([...MODULE_FILES].flatMap(([id, f]) => (f.fixtures ? [[id, f.fixtures] as const] : [])));

/** Every module's id fields together; a field two modules name is refused. */
export function moduleIdFields(ctx: IdFieldContext): Record<string, IdField> {
  const all: Record<string, IdField> = {};
  for (const [id, f] of MODULE_FILES) {
    for (const [key, field] of Object.entries(f.idFields?.(ctx) ?? {})) {
      assert.ok(!(key in all), `the id field "${key}" is named by two modules (the second: ${id})`);
      all[key] = field;
    }
  }
  return all;
}

/** Every module's fixtures together, for organisation A; an entity two modules make is refused. */
export function routeFixtures(ctx: RouteFixtureContext): RouteFixtures {
  const all: RouteFixtures = {};
  for (const [id, make] of MODULE_FIXTURES) {
    for (const [entity, fixture] of Object.entries(make({ ...ctx, all }))) {
      assert.ok(!(entity in all), `the entity "${entity}" has fixtures in two modules (the second: ${id})`);
      all[entity] = fixture;
    }
  }
  return all;
}

/** Path parameters that name shared (not organisation-owned) things. */
export const GLOBAL_PARAMS: Record<string, () => string> = {
  token: () => 'no-such-token-0000000000',
};

export const routeKey = (r: AnyRoute) => `${r.method} ${r.url}`;
export const pathParams = (r: AnyRoute) => [...r.url.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]);

export function fillPath(url: string, values: Record<string, string>) {
  return url.replace(/:([A-Za-z]+)/g, (_m, p: string) => encodeURIComponent(values[p] ?? randomUUID()));
}

/** The path of route `r` naming organisation A's entity (and the shared parameters). */
export async function fixturePath(r: AnyRoute, fixtures: RouteFixtures): Promise<string> {
  const values = r.tenantEntity ? await fixtures[r.tenantEntity]() : {};
  return fillPath(r.url, { ...values, ...Object.fromEntries(Object.entries(GLOBAL_PARAMS).map(([k, f]) => [k, f()])) });
}

/**
 * The same fixtures, each made once and then reused: for tests whose requests
 * must change nothing (and check that they did not), so one entity serves
 * every role and every route that names it.
 */
export function onceEach(fixtures: RouteFixtures): RouteFixtures {
  const made = new Map<string, Promise<Record<string, string>>>();
  return Object.fromEntries(
    Object.entries(fixtures).map(([entity, make]) => [entity, () => {
      if (!made.has(entity)) made.set(entity, make());
      return made.get(entity)!;
    }]),
  );
}

/** Whether `role` may use route `r` by the policy (routes that need no organisation permission: yes). */
export function roleMayUse(role: Role, r: AnyRoute): boolean {
  return r.access.kind !== 'org' || can(role, (r.access as { permission: Permission }).permission);
}

/**
 * Loads the shipped catalog and lets each organisation pin it, as its first
 * catalog read does (`pinShippedCollections`): done before a test compares
 * rows, so that first read is not taken for a change a request made.
 */
export async function pinShippedCatalog(t: TestApp, organisations: TestOrganisation[]): Promise<void> {
  const { loadShippedCatalog } = await import('../../src/server/catalog/catalog.loader.ts');
  await loadShippedCatalog(t.database, t.config.CATALOG_DIR);
  for (const org of organisations) assert.equal((await org.owner.client.get('/api/v1/catalog/collections')).status, 200);
}
