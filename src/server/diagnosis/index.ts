import { diagnosisPolicy } from '../../shared/diagnosis/diagnosis.policy.ts';
import { defineModule } from '../platform/module.ts';
import { diagnosisRoutes } from './diagnosis.routes.ts';

/** Diagnosis, stage gates, roadmap, dashboard and report (PRODUCT.md capability 3). */
export const diagnosisModule = defineModule({
  id: 'diagnosis',
  routes: (deps) => diagnosisRoutes(deps),
  policy: diagnosisPolicy,
  translations: ['diagnosis'],
});
