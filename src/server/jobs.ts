import { ASSET_IMPORT_QUEUE } from './assets/asset-import.service.ts';

/**
 * Every module's background-job queues. They are created at start-up by the
 * owner role, under the start-up lock (`prepareDatabase`), because a queue is a
 * table of its own in pg-boss's schema; a module adds its queue here.
 */
export const JOB_QUEUES: readonly string[] = [ASSET_IMPORT_QUEUE];
