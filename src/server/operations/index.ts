import { operationsPolicy } from '../../shared/operations/operations.policy.ts';
import { defineModule } from '../platform/module.ts';
import { calendarFeedRoutes } from './calendar-feed.routes.ts';
import { correctiveActionRoutes } from './corrective-action.routes.ts';
import { inspectionRoutes } from './inspection.routes.ts';
import { reminderJob } from './reminder.job.ts';

/** Recurring inspections on a calendar, their reminders (in the app and by e-mail, sent once across instances) and corrective actions through PDCA (PRODUCT.md capability 11). */
export const operationsModule = defineModule({
  id: 'operations',
  routes: (deps) => [...inspectionRoutes(deps), ...correctiveActionRoutes(deps), ...calendarFeedRoutes(deps)],
  jobs: [reminderJob],
  policy: operationsPolicy,
  translations: ['operations'],
});
