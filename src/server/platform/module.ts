import type { Role } from '../../shared/platform/roles.ts';
import type { Clock } from './clock.ts';
import type { Config } from './config.ts';
import type { Database } from './db/database.ts';
import type { AnyRoute } from './http/route.ts';
import type { Job } from './jobs/job.ts';
import type { Logger } from './log.ts';

/**
 * The module contract. Every module declares one `defineModule({ … })` in
 * `src/server/<module>/index.ts`, and src/server/modules.ts lists them: the
 * server registers the routes and jobs from these contracts,
 * the OpenAPI document and the generated security tests follow the same
 * list, so adding a module touches no other central file.
 *
 * Two parts live by convention where the web app and the tests can read them:
 * - translations: `src/shared/i18n/<id>/{ja,en}.json`, holding exactly the
 *   namespaces the contract names (both loaders merge every folder);
 * - security-test fixtures: `test/<id>/<id>.fixtures.ts` (the suite fails for
 *   a module without one, and for a `tenantEntity` no fixture makes).
 */

/** What every module's routes and workers get: the configuration, the database and the process's logger. */
export interface ModuleDeps {
  config: Config;
  database: Database;
  /** Absent in tests: one is made from the config. */
  logger?: Logger;
  /** The time every rule that counts time reads (platform/clock.ts); the system clock when absent. */
  clock?: Clock;
}

/** A module's policy (src/shared/<module>/<module>.policy.ts, built with `definePolicy`). */
export interface ModulePolicy {
  permissions: Record<string, readonly Role[]>;
  records: Record<string, { permission: string }>;
}

export interface ServerModule {
  /** The module's folder name, as PRODUCT.md names the capability (`assets`, `diagnosis`, …). */
  id: string;
  /** Every API route of the module. */
  routes(deps: ModuleDeps): AnyRoute[];
  /** The module's background jobs (`defineJob`, platform/jobs/job.ts): queues, workers and schedules. */
  jobs: readonly Job[];
  /** What each role may do in the module, and its per-record rules; the routes' permissions come from here. */
  policy: ModulePolicy;
  /** The top-level message namespaces the module owns, in `src/shared/i18n/<id>/{ja,en}.json`. */
  translations: readonly string[];
}

/** Declares a module; `jobs` defaults to none. */
export function defineModule(module: Omit<ServerModule, 'jobs'> & { jobs?: readonly Job[] }): ServerModule {
  return { ...module, jobs: module.jobs ?? [] };
}
