import { assetsModule } from './assets/index.ts';
import { catalogModule } from './catalog/index.ts';
import { diagnosisModule } from './diagnosis/index.ts';
import { continuityModule } from './continuity/index.ts';
import { costsModule } from './costs/index.ts';
import { governanceModule } from './governance/index.ts';
import { incidentsModule } from './incidents/index.ts';
import { operationsModule } from './operations/index.ts';
import { platformModule } from './platform/index.ts';
import { providersModule } from './providers/index.ts';
import { reportsModule } from './reports/index.ts';
import { risksModule } from './risks/index.ts';
import type { WebModule } from './platform/module.ts';

/** The web app's modules: the router and the navigation are built from this list, in this order. */
export const WEB_MODULES: readonly WebModule[] = [platformModule, diagnosisModule, catalogModule, assetsModule, risksModule, providersModule, incidentsModule, operationsModule, governanceModule, continuityModule, costsModule, reportsModule];
