import { asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { DataContext } from '../platform/db/data-context.ts';
import { defineRegister, recordContent } from '../platform/register/register.ts';
import { incidentActions, incidentEscalations, incidentReportDrafts, incidents } from './incident.table.ts';

/** Queries of incidents and their timelines, through the request's DataContext. */

export type IncidentRow = typeof incidents.$inferSelect;
export type ActionRow = typeof incidentActions.$inferSelect;
export type DraftRow = typeof incidentReportDrafts.$inferSelect;

export const incidentRegister = defineRegister({ table: incidents, entityType: 'incident', auditView: recordContent });

/** Newest awareness first: the incident being handled now is at the top. */
export const listIncidents = (ctx: DataContext): Promise<IncidentRow[]> => ctx.select(incidents, { orderBy: [desc(incidents.awareAt), asc(incidents.id)] });

/** The timelines of the given incidents, in time order. */
export async function actionsOf(ctx: DataContext, incidentIds: readonly string[]): Promise<Map<string, ActionRow[]>> {
  const out = new Map<string, ActionRow[]>(incidentIds.map((id) => [id, []]));
  if (!incidentIds.length) return out;
  const rows = await ctx.select(incidentActions, { where: inArray(incidentActions.incidentId, [...incidentIds]), orderBy: [asc(incidentActions.at), asc(incidentActions.createdAt)] });
  for (const r of rows) out.get(r.incidentId)?.push(r);
  return out;
}

export async function insertAction(ctx: DataContext, values: Omit<typeof incidentActions.$inferInsert, 'organisationId'>): Promise<ActionRow> {
  const [row] = await ctx.insert(incidentActions, values);
  return row!;
}

export async function deleteAction(ctx: DataContext, incidentId: string, actionId: string): Promise<ActionRow | undefined> {
  const [row] = await ctx.delete(incidentActions, sql`${eq(incidentActions.id, actionId)} and ${eq(incidentActions.incidentId, incidentId)}`);
  return row;
}

export const draftRegister = defineRegister({ table: incidentReportDrafts, entityType: 'incidentReportDraft', auditView: recordContent });

/** The incidents' report drafts, by incident and rule. */
export async function draftsOf(ctx: DataContext, incidentIds: readonly string[]): Promise<Map<string, Map<string, DraftRow>>> {
  const out = new Map<string, Map<string, DraftRow>>(incidentIds.map((id) => [id, new Map()]));
  if (!incidentIds.length) return out;
  const rows = await ctx.select(incidentReportDrafts, { where: inArray(incidentReportDrafts.incidentId, [...incidentIds]) });
  for (const r of rows) out.get(r.incidentId)?.set(r.ruleId, r);
  return out;
}

export type EscalationRow = typeof incidentEscalations.$inferSelect;
export const escalationRegister = defineRegister({ table: incidentEscalations, entityType: 'incidentEscalation', auditView: recordContent });

/** The incident's escalation, if one was started. */
export async function escalationOf(ctx: DataContext, incidentId: string, lock?: 'update'): Promise<EscalationRow | undefined> {
  const [row] = await ctx.select(incidentEscalations, { where: eq(incidentEscalations.incidentId, incidentId), lock });
  return row;
}
