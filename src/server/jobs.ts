import { assetImportJob } from './assets/asset-import.jobs.ts';
import type { Job } from './platform/jobs/job.ts';

/**
 * Every module's background jobs (`defineJob`). Their queues and schedules are
 * stored at start-up by the owner role, under the start-up lock
 * (`prepareDatabase`), because a queue is a table of its own in pg-boss's
 * schema; every instance then runs a worker for each. A module adds its jobs here.
 */
export const JOBS: readonly Job[] = [assetImportJob];
