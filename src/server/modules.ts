import { assetsModule } from './assets/index.ts';
import { industryOptions } from './catalog/catalog.public.ts';
import { catalogModule } from './catalog/index.ts';
import { diagnosisModule } from './diagnosis/index.ts';
import { platformModule } from './platform/index.ts';
import type { ModuleDeps, ServerModule } from './platform/module.ts';
import type { AnyRoute } from './platform/http/route.ts';
import type { JobQueue } from './platform/jobs/job-queue.ts';

/**
 * The one list of modules (contracts: src/server/platform/module.ts). The
 * server registers their routes and creates their queues from here; the
 * OpenAPI document and the security tests read the same list.
 */
export const MODULES: readonly ServerModule[] = [platformModule({ industryOptions }), catalogModule, diagnosisModule, assetsModule];

/** Every module's routes, in one table. */
export function moduleRoutes(deps: ModuleDeps): AnyRoute[] {
  return MODULES.flatMap((m) => m.routes(deps));
}

/** Every module's background-job queues (pg-boss), created at start-up under the start-up lock. */
export const JOB_QUEUES: readonly string[] = MODULES.flatMap((m) => m.jobs.map((j) => j.queue));

/** Starts this instance's worker for every queue that has one, once the job queue runs. */
export async function startModuleWorkers(queue: JobQueue, deps: ModuleDeps, log: (message: string) => void): Promise<void> {
  for (const job of MODULES.flatMap((m) => m.jobs)) await job.start?.(queue, deps, log);
}
