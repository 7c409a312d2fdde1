import type { JobQueue } from '../platform/jobs/job-queue.ts';
import { runImportJob, type ImportJobData } from './asset-import.run.ts';
import { ASSET_IMPORT_QUEUE, localImportWorkers } from './asset-import.service.ts';
import type { AssetDeps } from './asset.service.ts';

/**
 * The worker for large imports (validation and commit). Every instance runs
 * one; pg-boss gives each job to one of them. A job whose instance dies is
 * expired and retried elsewhere, and `runImportJob` only acts while the
 * import is still in the state its phase expects. The queue itself is made
 * at start-up by the owner role (`src/server/jobs.ts`).
 */
export async function startAssetImportWorker(queue: JobQueue, deps: AssetDeps, log: (message: string) => void): Promise<void> {
  const workerId = await queue.work<ImportJobData>(ASSET_IMPORT_QUEUE, { pollingIntervalSeconds: 0.5, batchSize: 1 }, async ([job]) => {
    await runImportJob(deps, job.data, (message, error) => log(`${message}: ${(error as Error)?.stack ?? String(error)}`));
  });
  localImportWorkers.set(queue, workerId);
}
