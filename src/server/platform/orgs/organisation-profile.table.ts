import { sql } from 'drizzle-orm';
import { bigint, boolean, check, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { recordStamps } from '../db/columns.ts';
import { organisations } from '../db/platform.table.ts';
import { actorRef } from '../db/tenant-columns.ts';

/**
 * The organisation's profile: the facts later rules depend on (PRODUCT.md
 * journey step 1). Industry is an item id of the catalog's industry list
 * (seed 000 I.3 表1, `urn:kumoji:seed-000:industries:…`); amounts are whole
 * yen. One row per organisation, created by the first save; `version` guards
 * concurrent edits like every other editable entity.
 */


export const organisationProfiles = pgTable(
  'organisation_profiles',
  {
    organisationId: uuid('organisation_id')
      .primaryKey()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    industryId: text('industry_id'),
    employees: integer('employees'),
    capitalYen: bigint('capital_yen', { mode: 'number' }),
    annualRevenueYen: bigint('annual_revenue_yen', { mode: 'number' }),
    handlesPersonalData: boolean('handles_personal_data').notNull().default(false),
    /** 要配慮個人情報 (APPI Art. 2(3)). */
    handlesSensitivePersonalData: boolean('handles_sensitive_personal_data').notNull().default(false),
    /** Personal data of people in the EU (GDPR). */
    handlesEuResidentsData: boolean('handles_eu_residents_data').notNull().default(false),
    financialSector: boolean('financial_sector').notNull().default(false),
    updatedBy: actorRef('updated_by'),
    ...recordStamps(),
  },
  (t) => [
    check('organisation_profiles_amounts_check', sql`${t.employees} >= 0 and ${t.capitalYen} >= 0 and ${t.annualRevenueYen} >= 0`),
    // Sensitive data and EU residents' data are both personal data.
    check('organisation_profiles_personal_data_check', sql`${t.handlesPersonalData} or not (${t.handlesSensitivePersonalData} or ${t.handlesEuResidentsData})`),
  ],
);
