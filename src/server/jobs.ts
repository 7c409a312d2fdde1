// Every module's background jobs, read from the module list (src/server/modules.ts).
export { JOBS } from './modules.ts';
