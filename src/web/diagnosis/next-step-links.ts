import type { TDashboard } from '../../shared/schemas/roadmap.schema.ts';

/** Where each of the dashboard's next steps is done; the dashboard and the home page link the same way. */
export const STEP_LINK: Record<TDashboard['nextSteps'][number]['step'], string> = {
  profile: '/organisation-profile',
  answer: '/diagnosis',
  submit: '/diagnosis',
  evaluate: '/stages',
  decide: '/stages',
  tasks: '/roadmap',
};
