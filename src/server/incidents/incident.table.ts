import { sql } from 'drizzle-orm';
import { boolean, check, foreignKey, index, integer, jsonb, pgTable, text, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { idColumn, stampedAt, ts } from '../platform/db/columns.ts';
import { actorRef, authorshipColumns, organisationKey, tenantColumns } from '../platform/db/tenant-columns.ts';

/**
 * Incidents (PRODUCT.md capability 9; seed 000 V.6.1 インシデント処置票): what
 * happened, how it was detected (an item of the catalog's detection
 * categories, checked by the service), when the organisation became aware of
 * it, and the facts the legal-deadline rules read. Deadlines are computed at
 * read time from these facts and the timeline, never stored.
 */
export const incidents = pgTable(
  'incidents',
  {
    ...tenantColumns(),
    title: text('title').notNull(),
    detectionItemId: text('detection_item_id'),
    /** low | medium | high | critical */
    severity: text('severity').notNull().default('medium'),
    /** open | closed */
    status: text('status').notNull().default('open'),
    description: text('description').notNull().default(''),
    awareAt: ts('aware_at').notNull(),
    occurredAt: ts('occurred_at'),
    personsAffected: integer('persons_affected'),
    sensitiveData: boolean('sensitive_data').notNull().default(false),
    financialHarm: boolean('financial_harm').notNull().default(false),
    improperPurpose: boolean('improper_purpose').notNull().default(false),
    stronglyEncrypted: boolean('strongly_encrypted').notNull().default(false),
    euResidents: boolean('eu_residents').notNull().default(false),
    nis2InScope: boolean('nis2_in_scope').notNull().default(false),
    financialSector: boolean('financial_sector').notNull().default(false),
    note: text('note').notNull().default(''),
    /** The post-incident review: causes and lessons; its findings are corrective actions (operations). */
    review: text('review').notNull().default(''),
    ...authorshipColumns(),
  },
  (t) => [
    unique('incidents_org_id_key').on(t.organisationId, t.id),
    index('incidents_org_aware_idx').on(t.organisationId, t.awareAt),
    check('incidents_severity_check', sql`${t.severity} in ('low', 'medium', 'high', 'critical')`),
    check('incidents_status_check', sql`${t.status} in ('open', 'closed')`),
    check('incidents_persons_check', sql`${t.personsAffected} is null or ${t.personsAffected} >= 0`),
  ],
);

/** The incident's timeline: first-response phases done, reports made (to the rule they answer) and notes, append-only but for a correction by deletion (audited). */
export const incidentActions = pgTable(
  'incident_actions',
  {
    id: idColumn(),
    organisationId: organisationKey(),
    incidentId: uuid('incident_id').notNull(),
    kind: text('kind').notNull(),
    at: ts('at').notNull(),
    ruleId: text('rule_id'),
    text: text('text').notNull().default(''),
    actorId: actorRef('actor_id'),
    actorLabel: text('actor_label').notNull(),
    createdAt: stampedAt('created_at'),
  },
  (t) => [
    foreignKey({ name: 'incident_actions_incident_fk', columns: [t.organisationId, t.incidentId], foreignColumns: [incidents.organisationId, incidents.id] }).onDelete('cascade'),
    index('incident_actions_org_incident_idx').on(t.organisationId, t.incidentId, t.at),
    check('incident_actions_kind_check', sql`${t.kind} in ('detected', 'contained', 'investigated', 'notificationsPrepared', 'reportSubmitted', 'note')`),
    check('incident_actions_rule_check', sql`(${t.kind} = 'reportSubmitted') = (${t.ruleId} is not null)`),
  ],
);

/** A draft of the report a rule requires, item by item in the rule's order (the APPI report's nine items …), versioned like a record. */
export const incidentReportDrafts = pgTable(
  'incident_report_drafts',
  {
    ...tenantColumns(),
    incidentId: uuid('incident_id').notNull(),
    ruleId: text('rule_id').notNull(),
    answers: jsonb('answers').$type<string[]>().notNull(),
    ...authorshipColumns(),
  },
  (t) => [
    unique('incident_report_drafts_org_id_key').on(t.organisationId, t.id),
    uniqueIndex('incident_report_drafts_rule_key').on(t.organisationId, t.incidentId, t.ruleId),
    foreignKey({ name: 'incident_report_drafts_incident_fk', columns: [t.organisationId, t.incidentId], foreignColumns: [incidents.organisationId, incidents.id] }).onDelete('cascade'),
  ],
);

/**
 * The incident's escalation to an outside expert (seed 004 「外部専門家・弊社への
 * エスカレーション」; escalation.rules.ts): the criteria that apply, the expert,
 * the contract items confirmed and the request's facts, in the catalog's
 * order, and where it stands. One per incident, versioned like a record.
 */
export const incidentEscalations = pgTable(
  'incident_escalations',
  {
    ...tenantColumns(),
    incidentId: uuid('incident_id').notNull(),
    criteria: jsonb('criteria').$type<string[]>().notNull().default([]),
    otherReason: text('other_reason').notNull().default(''),
    expert: text('expert').notNull().default(''),
    contractChecks: jsonb('contract_checks').$type<boolean[]>().notNull().default([]),
    request: jsonb('request').$type<string[]>().notNull().default([]),
    reportNote: text('report_note').notNull().default(''),
    /** draft | requested | inProgress | reported | closed */
    status: text('status').notNull().default('draft'),
    requestedAt: ts('requested_at'),
    ...authorshipColumns(),
  },
  (t) => [
    unique('incident_escalations_org_id_key').on(t.organisationId, t.id),
    uniqueIndex('incident_escalations_incident_key').on(t.organisationId, t.incidentId),
    foreignKey({ name: 'incident_escalations_incident_fk', columns: [t.organisationId, t.incidentId], foreignColumns: [incidents.organisationId, incidents.id] }).onDelete('cascade'),
    check('incident_escalations_status_check', sql`${t.status} in ('draft', 'requested', 'inProgress', 'reported', 'closed')`),
  ],
);
