import { incidentsPolicy } from '../../shared/incidents/incidents.policy.ts';
import { defineModule } from '../platform/module.ts';
import { incidentRoutes } from './incident.routes.ts';

/** Incident records, their timelines and first response, and the legal-deadline engine over the catalog's rules (PRODUCT.md capability 9). */
export const incidentsModule = defineModule({
  id: 'incidents',
  routes: (deps) => incidentRoutes(deps),
  jobs: [],
  policy: incidentsPolicy,
  translations: ['incidents'],
});
