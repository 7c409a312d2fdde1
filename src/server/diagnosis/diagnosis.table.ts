import { sql } from 'drizzle-orm';
import { bigint, check, date, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { catalogVersions } from '../catalog/catalog.table.ts';
import { editColumns, idColumn, stampedAt, ts } from '../platform/db/columns.ts';
import { actorRef, authorshipColumns, organisationKey, tenantColumns } from '../platform/db/tenant-columns.ts';

/**
 * Diagnosis, stage gates and roadmap (PRODUCT.md capability 3).
 *
 * - `assessments`: one answering of one checklist (a root item of a loaded
 *   checklist collection), pinned to the catalog version it was started on.
 *   A draft collects answers as people go; submitting freezes it (a trigger
 *   refuses any later change, migration `diagnosis-immutable`).
 * - `gate_evaluations` and `stage_decisions`: the gate records of seed 000
 *   II.6 (評価・決断), append-only. The current stage is the `to_stage` of the
 *   newest decision of a track (`seq`), never stored anywhere else.
 * - `roadmap_tasks` and `stage_budgets`: the practice items of a stage as
 *   tasks, and the budget the organisation enters against the seed's guide.
 *
 * Child rows carry the organisation id in a composite foreign key, so the
 * database itself refuses a row that mixes two organisations.
 */

const STAGE_VALUES = sql`('0', '1', '2', '3', '4', 'x')`;

export const assessments = pgTable(
  'assessments',
  {
    ...tenantColumns(),
    /** The checklist: a root item id of a checklist collection (e.g. urn:kumoji:seed-000:checklists:prerequisite). */
    checklistId: text('checklist_id').notNull(),
    collectionId: text('collection_id').notNull(),
    /** The stored catalog version the questions come from (never changes after the start). */
    catalogVersionId: uuid('catalog_version_id')
      .notNull()
      .references(() => catalogVersions.id),
    catalogVersion: integer('catalog_version').notNull(),
    /** draft | submitted */
    status: text('status').notNull().default('draft'),
    startedBy: actorRef('started_by'),
    startedAt: stampedAt('started_at'),
    submittedBy: actorRef('submitted_by'),
    /** The submitter's name at the time, kept for the history when the account is gone. */
    submittedByLabel: text('submitted_by_label'),
    submittedAt: ts('submitted_at'),
    updatedAt: stampedAt('updated_at'),
    /** Raised by every answer too, so a submission sees exactly what its submitter reviewed. */
    version: integer('version').notNull().default(1),
  },
  (t) => [
    unique('assessments_org_id_key').on(t.organisationId, t.id),
    // At most one draft per checklist: people answering together share it.
    uniqueIndex('assessments_one_draft_idx').on(t.organisationId, t.checklistId).where(sql`${t.status} = 'draft'`),
    index('assessments_history_idx').on(t.organisationId, t.checklistId, t.submittedAt),
    check('assessments_status_check', sql`${t.status} in ('draft', 'submitted')`),
    check('assessments_submitted_check', sql`(${t.status} = 'submitted') = (${t.submittedAt} is not null)`),
  ],
);

export const assessmentAnswers = pgTable(
  'assessment_answers',
  {
    id: idColumn(),
    organisationId: uuid('organisation_id').notNull(),
    assessmentId: uuid('assessment_id').notNull(),
    /** A question item id of the assessment's catalog version. */
    itemId: text('item_id').notNull(),
    /** yes | no | unknown (Don't know); null while only a comment or evidence is there. */
    answer: text('answer'),
    comment: text('comment'),
    answeredBy: actorRef('answered_by'),
    answeredByLabel: text('answered_by_label'),
    answeredAt: stampedAt('answered_at'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    foreignKey({ name: 'assessment_answers_assessment_fk', columns: [t.organisationId, t.assessmentId], foreignColumns: [assessments.organisationId, assessments.id] }).onDelete('cascade'),
    unique('assessment_answers_item_key').on(t.assessmentId, t.itemId),
    check('assessment_answers_answer_check', sql`${t.answer} in ('yes', 'no', 'unknown')`),
  ],
);

export const gateEvaluations = pgTable(
  'gate_evaluations',
  {
    ...tenantColumns(),
    /** The stage whose gate this evaluates ('0'…'4', 'x'). */
    stage: text('stage').notNull(),
    /** The gate item of the stage model (attributes.practice = gate). */
    gateItemId: text('gate_item_id').notNull(),
    /** satisfactory | concerns | unsatisfactory */
    result: text('result').notNull(),
    summary: text('summary').notNull(),
    /** Who evaluated, as written by the recorder (e.g. 経営者 山田、クラウド管理者 佐藤; a third party's name). */
    evaluators: text('evaluators').notNull(),
    recordedBy: actorRef('recorded_by'),
    recordedByLabel: text('recorded_by_label'),
    recordedAt: stampedAt('recorded_at'),
  },
  (t) => [
    index('gate_evaluations_stage_idx').on(t.organisationId, t.stage, t.recordedAt),
    check('gate_evaluations_stage_check', sql`${t.stage} in ${STAGE_VALUES}`),
    check('gate_evaluations_result_check', sql`${t.result} in ('satisfactory', 'concerns', 'unsatisfactory')`),
  ],
);

export const stageDecisions = pgTable(
  'stage_decisions',
  {
    ...tenantColumns(),
    /** 'main' (stages 0-4) or 'x' (stage X, beside stages 3-4). */
    track: text('track').notNull(),
    /** 1, 2, … per track: the newest decides the current stage; a concurrent decision collides here. */
    seq: integer('seq').notNull(),
    /** Main track: '0'…'4'. Track x: 'x' while stage X is under way, null when it is not. */
    fromStage: text('from_stage'),
    toStage: text('to_stage'),
    /** advance | stay | step-back */
    outcome: text('outcome').notNull(),
    reason: text('reason').notNull(),
    thirdPartyName: text('third_party_name'),
    thirdPartyOpinion: text('third_party_opinion'),
    decidedBy: actorRef('decided_by'),
    decidedByLabel: text('decided_by_label').notNull(),
    decidedAt: stampedAt('decided_at'),
    /** The stage model the decision was taken under. */
    stageModelVersionId: uuid('stage_model_version_id').references(() => catalogVersions.id),
    /** What the decider had in front of them: diagnosis, gate completeness, time in stage (traceability). */
    basis: jsonb('basis').$type<Record<string, unknown>>().notNull(),
  },
  (t) => [
    unique('stage_decisions_track_seq_key').on(t.organisationId, t.track, t.seq),
    check('stage_decisions_track_check', sql`${t.track} in ('main', 'x')`),
    check('stage_decisions_outcome_check', sql`${t.outcome} in ('advance', 'stay', 'step-back')`),
    check(
      'stage_decisions_stage_check',
      sql`(${t.track} = 'main' and coalesce(${t.fromStage}, '') in ('0', '1', '2', '3', '4') and coalesce(${t.toStage}, '') in ('0', '1', '2', '3', '4'))
       or (${t.track} = 'x' and (${t.fromStage} is null or ${t.fromStage} = 'x') and (${t.toStage} is null or ${t.toStage} = 'x'))`,
    ),
  ],
);

export const roadmapTasks = pgTable(
  'roadmap_tasks',
  {
    ...tenantColumns(),
    stage: text('stage').notNull(),
    /** The practice item of the stage model this task carries out. */
    practiceItemId: text('practice_item_id').notNull(),
    ownerUserId: actorRef('owner_user_id'),
    dueDate: date('due_date', { mode: 'string' }),
    /** todo | in-progress | done | not-applicable */
    status: text('status').notNull().default('todo'),
    note: text('note'),
    ...authorshipColumns(),
  },
  (t) => [
    unique('roadmap_tasks_item_key').on(t.organisationId, t.practiceItemId),
    check('roadmap_tasks_stage_check', sql`${t.stage} in ${STAGE_VALUES}`),
    check('roadmap_tasks_status_check', sql`${t.status} in ('todo', 'in-progress', 'done', 'not-applicable')`),
  ],
);

export const stageBudgets = pgTable(
  'stage_budgets',
  {
    organisationId: organisationKey(),
    stage: text('stage').notNull(),
    budgetYen: bigint('budget_yen', { mode: 'number' }).notNull(),
    updatedBy: actorRef('updated_by'),
    ...editColumns(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.stage] }),
    check('stage_budgets_stage_check', sql`${t.stage} in ${STAGE_VALUES}`),
    check('stage_budgets_amount_check', sql`${t.budgetYen} >= 0`),
  ],
);
