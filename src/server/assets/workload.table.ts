import { sql } from 'drizzle-orm';
import { boolean, check, pgTable, text, unique, uniqueIndex } from 'drizzle-orm/pg-core';
import { linkTable } from '../platform/db/link-table.ts';
import { authorshipColumns, tenantColumns } from '../platform/db/tenant-columns.ts';
import { assets } from './asset.table.ts';

/**
 * Workloads (対象業務, seed 000 III.1-III.3): the work an organisation
 * considers moving to the cloud, rated by the seed's four selection
 * procedures and three motives, and linked to the information assets it
 * uses. Catalog references are item ids of the organisation's loaded
 * collections (checked by the service); the verdict is computed, never stored.
 */

export const workloads = pgTable(
  'workloads',
  {
    ...tenantColumns(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    /** III.3: cost | convenience | continuity. */
    motives: text('motives').array().notNull().default(sql`'{}'::text[]`),
    /** III.3.1: an item of urn:kumoji:seed-000:workload-categories. */
    categoryId: text('category_id'),
    /** III.3.2 表5: items of urn:kumoji:seed-000:information-impacts that apply. */
    impactIds: text('impact_ids').array().notNull().default(sql`'{}'::text[]`),
    /** II.6.6: personal | sales_customer | planning_finance, as declared. */
    stageXKinds: text('stage_x_kinds').array().notNull().default(sql`'{}'::text[]`),
    /** II.6.2: リスクを許容できる業務; null until someone answers. */
    riskTolerable: boolean('risk_tolerable'),
    /** II.6.4: the company's core business (基幹業務). */
    coreBusiness: boolean('core_business').notNull().default(false),
    /** III.3.4 表6: an item of urn:kumoji:seed-000:business-advantage-themes. */
    advantageThemeId: text('advantage_theme_id'),
    /** III.3.4 表6: the organisation's own past and future priority (low | medium | high). */
    pastPriority: text('past_priority'),
    futurePriority: text('future_priority'),
    /** II.6.6: the stage X plan for sensitive work (provider requirements, dual cloud, APPI / GDPR). */
    stageXPlan: text('stage_x_plan'),
    ...authorshipColumns(),
  },
  (t) => [
    uniqueIndex('workloads_org_name_key').on(t.organisationId, sql`lower(${t.name})`),
    // Target of the composite keys below: a link row can only join rows of one organisation.
    unique('workloads_org_id_key').on(t.organisationId, t.id),
    check('workloads_motives_check', sql`${t.motives} <@ array['cost', 'convenience', 'continuity']::text[]`),
    check('workloads_stage_x_kinds_check', sql`${t.stageXKinds} <@ array['personal', 'sales_customer', 'planning_finance']::text[]`),
    check('workloads_past_priority_check', sql`${t.pastPriority} is null or ${t.pastPriority} in ('low', 'medium', 'high')`),
    check('workloads_future_priority_check', sql`${t.futurePriority} is null or ${t.futurePriority} in ('low', 'medium', 'high')`),
  ],
);

/** Which assets a workload uses (III.3.3: the ISMS view is derived from them). */
export const workloadAssets = linkTable(
  'workload_assets',
  { key: 'workloadId', column: 'workload_id', table: () => workloads },
  { key: 'assetId', column: 'asset_id', table: () => assets },
);
