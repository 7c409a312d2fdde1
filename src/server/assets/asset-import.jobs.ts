import type { JobQueue } from '../platform/jobs/job-queue.ts';
import { startImportWorker } from '../platform/transfer/import.service.ts';
import { ASSET_IMPORT } from './asset-import.register.ts';
import type { AssetDeps } from './asset.service.ts';

/** The worker for large asset imports (the pipeline's, run with the asset register). */
export async function startAssetImportWorker(queue: JobQueue, deps: AssetDeps, log: (message: string) => void): Promise<void> {
  await startImportWorker(queue, ASSET_IMPORT, deps.database, log);
}
