import { sql } from 'drizzle-orm';
import { check, numeric, pgTable, text, unique, uniqueIndex } from 'drizzle-orm/pg-core';
import { linkTable } from '../platform/db/link-table.ts';
import { authorshipColumns, tenantColumns } from '../platform/db/tenant-columns.ts';
import { assets } from './asset.table.ts';
import { workloads } from './workload.table.ts';

/**
 * The system portfolio (enterprises, seed 004 「ハイブリッド設計原則」):
 * systems such as mainframe applications, each with a 7R migration strategy
 * (FACTS.md 5), effort, criticality, placement and connections, linked to
 * workloads and assets, and depending on each other. Link rows carry the
 * organisation id in a composite foreign key, so the database itself refuses
 * a link between two organisations.
 */

export const systems = pgTable(
  'systems',
  {
    ...tenantColumns(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    /** critical | high | medium | low */
    criticality: text('criticality').notNull(),
    /** FACTS.md 5: rehost | replatform | refactor | repurchase | retire | retain | relocate; null while undecided. */
    strategy: text('strategy'),
    /** Estimated effort in person-months, one decimal. */
    effortPersonMonths: numeric('effort_person_months', { precision: 9, scale: 1, mode: 'number' }),
    rationale: text('rationale').notNull().default(''),
    /** mainframe | on_premises | private_cloud | public_cloud | government_cloud */
    currentPlacement: text('current_placement').notNull(),
    targetPlacement: text('target_placement'),
    /** How its on-premises and cloud parts connect: vpn | dedicated_line | api_gateway. */
    connections: text('connections').array().notNull().default(sql`'{}'::text[]`),
    ...authorshipColumns(),
  },
  (t) => [
    uniqueIndex('systems_org_name_key').on(t.organisationId, sql`lower(${t.name})`),
    unique('systems_org_id_key').on(t.organisationId, t.id),
    check('systems_criticality_check', sql`${t.criticality} in ('critical', 'high', 'medium', 'low')`),
    check(
      'systems_strategy_check',
      sql`${t.strategy} is null or ${t.strategy} in ('rehost', 'replatform', 'refactor', 'repurchase', 'retire', 'retain', 'relocate')`,
    ),
    check('systems_effort_check', sql`${t.effortPersonMonths} is null or ${t.effortPersonMonths} >= 0`),
    check('systems_current_placement_check', sql`${t.currentPlacement} in ('mainframe', 'on_premises', 'private_cloud', 'public_cloud', 'government_cloud')`),
    check(
      'systems_target_placement_check',
      sql`${t.targetPlacement} is null or ${t.targetPlacement} in ('mainframe', 'on_premises', 'private_cloud', 'public_cloud', 'government_cloud')`,
    ),
    check('systems_connections_check', sql`${t.connections} <@ array['vpn', 'dedicated_line', 'api_gateway']::text[]`),
  ],
);

export const systemWorkloads = linkTable(
  'system_workloads',
  { key: 'systemId', column: 'system_id', table: () => systems },
  { key: 'workloadId', column: 'workload_id', table: () => workloads },
);

export const systemAssets = linkTable(
  'system_assets',
  { key: 'systemId', column: 'system_id', table: () => systems },
  { key: 'assetId', column: 'asset_id', table: () => assets },
);

/** "system depends on dependsOn": never on itself; cycles are allowed and reported (system.rules.ts). */
export const systemDependencies = linkTable(
  'system_dependencies',
  { key: 'systemId', column: 'system_id', table: () => systems },
  { key: 'dependsOnId', column: 'depends_on_id', table: () => systems },
  (ids) => [{ name: 'system_dependencies_not_self_check', rule: sql`${ids.from} <> ${ids.to}` }],
);
