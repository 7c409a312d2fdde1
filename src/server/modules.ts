import { assetsModule } from './assets/index.ts';
import { industryOptions } from './catalog/catalog.public.ts';
import { catalogModule } from './catalog/index.ts';
import { continuityModule } from './continuity/index.ts';
import { costsModule } from './costs/index.ts';
import { diagnosisModule } from './diagnosis/index.ts';
import { governanceModule } from './governance/index.ts';
import { incidentsModule } from './incidents/index.ts';
import { operationsModule } from './operations/index.ts';
import { platformModule } from './platform/index.ts';
import { providersModule } from './providers/index.ts';
import { reportsModule } from './reports/index.ts';
import { risksModule } from './risks/index.ts';
import type { ModuleDeps, ServerModule } from './platform/module.ts';
import type { AnyRoute } from './platform/http/route.ts';
import type { Job } from './platform/jobs/job.ts';

/**
 * The one list of modules (contracts: src/server/platform/module.ts). The
 * server registers their routes and creates their jobs from here; the
 * OpenAPI document and the security tests read the same list.
 */
export const MODULES: readonly ServerModule[] = [platformModule({ industryOptions }), catalogModule, diagnosisModule, assetsModule, risksModule, providersModule, incidentsModule, operationsModule, governanceModule, continuityModule, costsModule, reportsModule];

/** Every module's routes, in one table. */
export function moduleRoutes(deps: ModuleDeps): AnyRoute[] {
  return MODULES.flatMap((m) => m.routes(deps));
}

/** Every module's background jobs: their queues and schedules are stored at start-up under the start-up lock, and every instance runs their workers. */
export const JOBS: readonly Job[] = MODULES.flatMap((m) => m.jobs);
