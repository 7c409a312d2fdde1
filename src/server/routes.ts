// Every module's routes, read from the module list (src/server/modules.ts).
export { moduleRoutes as allRoutes } from './modules.ts';
