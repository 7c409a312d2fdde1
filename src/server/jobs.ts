// Every module's job queues, read from the module list (src/server/modules.ts).
export { JOB_QUEUES } from './modules.ts';
