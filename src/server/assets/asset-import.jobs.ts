import { importJob } from '../platform/transfer/import.service.ts';
import { ASSET_IMPORT } from './asset-import.register.ts';

/** The job of large asset imports: the pipeline's, run with the asset register. */
export const assetImportJob = importJob(ASSET_IMPORT);
