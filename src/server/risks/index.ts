import { risksPolicy } from '../../shared/risks/risks.policy.ts';
import { defineModule } from '../platform/module.ts';
import { riskRoutes } from './risk.routes.ts';
import { threatAssessmentRoutes } from './threat-assessment.routes.ts';

/** The threat impact assessment, the risk register in yen, insurance as a treatment, and the portfolio's analysis (PRODUCT.md capability 5). */
export const risksModule = defineModule({
  id: 'risks',
  routes: (deps) => [...riskRoutes(deps), ...threatAssessmentRoutes(deps)],
  jobs: [],
  policy: risksPolicy,
  translations: ['risks'],
});
