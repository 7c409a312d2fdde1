import { sql } from 'drizzle-orm';
import { boolean, check, date, doublePrecision, foreignKey, integer, jsonb, pgTable, text, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { workloads } from '../assets/workload.table.ts';
import { authorshipColumns, tenantColumns } from '../platform/db/tenant-columns.ts';

/**
 * Providers and contracts (PRODUCT.md capability 6; seed 000 III.6, IV.6.1
 * 表13): the organisation's own provider profiles (the study's nine are
 * catalog reference data, copied to be edited), each provider's evaluation
 * against the company items a)-i) and the nine selection checks, contracts
 * reviewed against the 17 contract items, and a workload's requirements
 * profile matched against providers. Catalog references are item ids of the
 * organisation's loaded collections (checked by the service).
 */

export interface DataLocation {
  /** ISO 3166-1 alpha-2 (JP, US …). */
  country: string;
  region: string;
}
export interface Certification {
  name: string;
  expiresOn: string | null;
}

export const providers = pgTable(
  'providers',
  {
    ...tenantColumns(),
    name: text('name').notNull(),
    /** The item of urn:kumoji:seed-000:provider-profiles it was copied from, if any. */
    referenceItemId: text('reference_item_id'),
    services: text('services').array().notNull().default(sql`'{}'::text[]`),
    website: text('website').notNull().default(''),
    /** saas | paas | iaas | storage (seed 000 III.6.1 item 1). */
    serviceTypes: text('service_types').array().notNull().default(sql`'{}'::text[]`),
    dataLocations: jsonb('data_locations').$type<DataLocation[]>().notNull().default([]),
    certifications: jsonb('certifications').$type<Certification[]>().notNull().default([]),
    /** none | ismap | ismap_liu (FACTS.md 4), with the registration date and the date of the list it was checked on. */
    ismap: text('ismap').notNull().default('none'),
    ismapRegisteredOn: date('ismap_registered_on'),
    ismapListCheckedOn: date('ismap_list_checked_on'),
    msp: boolean('msp').notNull().default(false),
    mss: boolean('mss').notNull().default(false),
    subcontractors: text('subcontractors').array().notNull().default(sql`'{}'::text[]`),
    /** What the provider commits to: availability (%), recovery time (hours) and support hours (none | business | extended | always). */
    slaAvailabilityPercent: doublePrecision('sla_availability_percent'),
    recoveryTimeHours: doublePrecision('recovery_time_hours'),
    supportHours: text('support_hours').notNull().default('none'),
    migrationSupport: boolean('migration_support').notNull().default(false),
    note: text('note').notNull().default(''),
    ...authorshipColumns(),
  },
  (t) => [
    unique('providers_org_id_key').on(t.organisationId, t.id),
    uniqueIndex('providers_org_name_key').on(t.organisationId, sql`lower(${t.name})`),
    check('providers_service_types_check', sql`${t.serviceTypes} <@ array['saas', 'paas', 'iaas', 'storage']::text[]`),
    check('providers_ismap_check', sql`${t.ismap} in ('none', 'ismap', 'ismap_liu') and (${t.ismap} = 'none' or (${t.ismapRegisteredOn} is not null and ${t.ismapListCheckedOn} is not null))`),
    check('providers_support_hours_check', sql`${t.supportHours} in ('none', 'business', 'extended', 'always')`),
    check('providers_sla_check', sql`${t.slaAvailabilityPercent} is null or ${t.slaAvailabilityPercent} between 0 and 100`),
    check('providers_recovery_check', sql`${t.recoveryTimeHours} is null or ${t.recoveryTimeHours} >= 0`),
  ],
);

export interface EvaluationItem {
  /** An item of urn:kumoji:seed-000:company-evaluation or …:provider-selection-checks. */
  itemId: string;
  /** 0 not met … 4 strong; null while not rated. */
  rating: number | null;
  weight: number;
  /** Must be rated at least adequate (2), or the provider is out. */
  knockOut: boolean;
  evidence: string;
  note: string;
}

/** A provider's evaluation (seed 000 III.6.1 a)-i), IV.6 the nine checks): one per provider, its history in the audit trail. */
export const providerEvaluations = pgTable(
  'provider_evaluations',
  {
    ...tenantColumns(),
    providerId: uuid('provider_id').notNull(),
    evaluatedOn: date('evaluated_on').notNull(),
    reevaluateMonths: integer('reevaluate_months').notNull().default(12),
    items: jsonb('items').$type<EvaluationItem[]>().notNull().default([]),
    ...authorshipColumns(),
  },
  (t) => [
    unique('provider_evaluations_org_id_key').on(t.organisationId, t.id),
    unique('provider_evaluations_org_provider_key').on(t.organisationId, t.providerId),
    foreignKey({ name: 'provider_evaluations_provider_fk', columns: [t.organisationId, t.providerId], foreignColumns: [providers.organisationId, providers.id] }).onDelete('cascade'),
    check('provider_evaluations_months_check', sql`${t.reevaluateMonths} between 1 and 60`),
  ],
);

export interface ContractItemReview {
  /** An item of urn:kumoji:seed-000:contract-items. */
  itemId: string;
  /** present | missing | negotiate; null while not reviewed. */
  status: 'present' | 'missing' | 'negotiate' | null;
  /** The clause's text or where it is (第12条, p. 8). */
  clause: string;
  /** Not signed until this item is present. */
  blocking: boolean;
}

/** A contract with a provider, reviewed against the 17 items (seed 000 III.6.1), with its term, renewal and notice. */
export const contracts = pgTable(
  'contracts',
  {
    ...tenantColumns(),
    providerId: uuid('provider_id').notNull(),
    title: text('title').notNull(),
    startsOn: date('starts_on').notNull(),
    termMonths: integer('term_months').notNull(),
    autoRenew: boolean('auto_renew').notNull().default(false),
    renewalMonths: integer('renewal_months'),
    noticeAmount: integer('notice_amount').notNull().default(0),
    /** days | months */
    noticeUnit: text('notice_unit').notNull().default('months'),
    noticeMethod: text('notice_method').notNull().default(''),
    review: jsonb('review').$type<ContractItemReview[]>().notNull().default([]),
    /** Exit terms (item 16): the format data is returned in, within how many days, and a certificate of deletion. */
    exitDataFormat: text('exit_data_format').notNull().default(''),
    exitReturnDays: integer('exit_return_days'),
    exitDeletionCertificate: boolean('exit_deletion_certificate').notNull().default(false),
    note: text('note').notNull().default(''),
    ...authorshipColumns(),
  },
  (t) => [
    unique('contracts_org_id_key').on(t.organisationId, t.id),
    uniqueIndex('contracts_org_title_key').on(t.organisationId, sql`lower(${t.title})`),
    foreignKey({ name: 'contracts_provider_fk', columns: [t.organisationId, t.providerId], foreignColumns: [providers.organisationId, providers.id] }).onDelete('restrict'),
    check('contracts_term_check', sql`${t.termMonths} between 1 and 600 and (${t.renewalMonths} is null or ${t.renewalMonths} between 1 and 600)`),
    check('contracts_notice_check', sql`${t.noticeUnit} in ('days', 'months') and ${t.noticeAmount} >= 0`),
    check('contracts_exit_days_check', sql`${t.exitReturnDays} is null or ${t.exitReturnDays} >= 0`),
  ],
);

export interface FitJudgement {
  providerId: string;
  /** A requirement judged by people: migration | interfaces | terminals. */
  key: string;
  fit: 'fits' | 'partial' | 'gap';
  note: string;
}

/** A workload's requirements profile (seed 000 III.6.2 選定した業務と事業者との適合) and the providers it is compared with. */
export const workloadRequirements = pgTable(
  'workload_requirements',
  {
    ...tenantColumns(),
    workloadId: uuid('workload_id').notNull(),
    serviceType: text('service_type'),
    dataInJapan: boolean('data_in_japan').notNull().default(false),
    /** none | ismap_liu | ismap */
    ismapRequired: text('ismap_required').notNull().default('none'),
    migrationDataKinds: integer('migration_data_kinds'),
    migrationItems: integer('migration_items'),
    migrationVolumeGb: doublePrecision('migration_volume_gb'),
    interfaces: text('interfaces').notNull().default(''),
    operatingHours: text('operating_hours').notNull().default(''),
    serviceHoursPerDay: doublePrecision('service_hours_per_day').notNull().default(24),
    serviceDaysPerYear: integer('service_days_per_year').notNull().default(365),
    recoveryHours: doublePrecision('recovery_hours'),
    availabilityPercent: doublePrecision('availability_percent'),
    maxDowntimeHours: doublePrecision('max_downtime_hours'),
    /** month | year: the period availability and downtime are measured over. */
    downtimePeriod: text('downtime_period').notNull().default('year'),
    terminals: text('terminals').notNull().default(''),
    sites: integer('sites'),
    terminalCount: integer('terminal_count'),
    /** none | some | most (出来るだけ欲しい) */
    support: text('support').notNull().default('none'),
    providerIds: uuid('provider_ids').array().notNull().default(sql`'{}'::uuid[]`),
    judgements: jsonb('judgements').$type<FitJudgement[]>().notNull().default([]),
    ...authorshipColumns(),
  },
  (t) => [
    unique('workload_requirements_org_id_key').on(t.organisationId, t.id),
    unique('workload_requirements_org_workload_key').on(t.organisationId, t.workloadId),
    foreignKey({ name: 'workload_requirements_workload_fk', columns: [t.organisationId, t.workloadId], foreignColumns: [workloads.organisationId, workloads.id] }).onDelete('cascade'),
    check('workload_requirements_service_type_check', sql`${t.serviceType} is null or ${t.serviceType} in ('saas', 'paas', 'iaas', 'storage')`),
    check('workload_requirements_ismap_check', sql`${t.ismapRequired} in ('none', 'ismap_liu', 'ismap')`),
    check('workload_requirements_period_check', sql`${t.downtimePeriod} in ('month', 'year')`),
    check('workload_requirements_support_check', sql`${t.support} in ('none', 'some', 'most')`),
    check('workload_requirements_availability_check', sql`${t.availabilityPercent} is null or ${t.availabilityPercent} between 0 and 100`),
    check('workload_requirements_hours_check', sql`${t.serviceHoursPerDay} > 0 and ${t.serviceHoursPerDay} <= 24 and ${t.serviceDaysPerYear} between 1 and 366`),
  ],
);
