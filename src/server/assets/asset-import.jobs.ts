import { defineJob } from '../platform/jobs/job.ts';
import { runImportJob, type ImportJobData } from './asset-import.run.ts';
import { ASSET_IMPORT_QUEUE } from './asset-import.service.ts';

/**
 * The work of large imports (validation and commit). Every instance runs a
 * worker; pg-boss gives each job to one of them. A job whose instance dies is
 * expired after 15 minutes and retried once elsewhere, and `runImportJob` only
 * acts while the import is still in the state its phase expects. The queue
 * itself is made at start-up by the owner role (`src/server/jobs.ts`).
 */
export const assetImportJob = defineJob<ImportJobData>({
  queue: ASSET_IMPORT_QUEUE,
  options: { expireInSeconds: 15 * 60, retryLimit: 1, retryDelaySeconds: 5, pollingIntervalSeconds: 0.5 },
  handler: (data, run) => runImportJob(run.deps, data, (message, error) => run.log(`${message}: ${(error as Error)?.stack ?? String(error)}`)),
});
