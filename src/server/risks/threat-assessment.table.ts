import { sql } from 'drizzle-orm';
import { check, pgTable, text, unique, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { authorshipColumns, tenantColumns } from '../platform/db/tenant-columns.ts';

/**
 * The organisation's judgement of each threat of the catalog's threat lists
 * (seed 000 II.2.1 表2: 倒産の有無, 売上激減, 顧客離れ; IPA 10大脅威 by
 * their true year, FACTS.md 3): one row per threat, each column none / small
 * / medium / large, null while not judged. The threat is an item of the
 * organisation's loaded urn:kumoji:seed-000:threats (checked by the service).
 */

const impactCheck = (name: string, column: AnyPgColumn) => check(name, sql`${column} is null or ${column} in ('none', 'small', 'medium', 'large')`);

export const threatAssessments = pgTable(
  'threat_assessments',
  {
    ...tenantColumns(),
    threatItemId: text('threat_item_id').notNull(),
    impactBankruptcy: text('impact_bankruptcy'),
    impactSalesDrop: text('impact_sales_drop'),
    impactCustomerLoss: text('impact_customer_loss'),
    note: text('note').notNull().default(''),
    ...authorshipColumns(),
  },
  (t) => [
    unique('threat_assessments_org_id_key').on(t.organisationId, t.id),
    unique('threat_assessments_org_threat_key').on(t.organisationId, t.threatItemId),
    impactCheck('threat_assessments_bankruptcy_check', t.impactBankruptcy),
    impactCheck('threat_assessments_sales_drop_check', t.impactSalesDrop),
    impactCheck('threat_assessments_customer_loss_check', t.impactCustomerLoss),
  ],
);
