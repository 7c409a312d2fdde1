import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { LinkedOrigin } from '../../shared/operations/corrective-action.rules.ts';
import type { DataContext } from '../platform/db/data-context.ts';
import { defineRegister, recordContent } from '../platform/register/register.ts';
import { correctiveActions } from './corrective-action.table.ts';

/** Queries of corrective actions, through a request's DataContext. */

export type ActionRow = typeof correctiveActions.$inferSelect;

/** While an action for a named finding of a record is open, a second one breaks this key. */
export const OPEN_FINDING_KEY = 'corrective_actions_open_finding_key';

export const actionRegister = defineRegister({ table: correctiveActions, entityType: 'correctiveAction', auditView: recordContent });

/** Open actions first (the soonest due first, undated after), closed ones last. */
const order = [asc(sql`${correctiveActions.phase} = 'closed'`), sql`${correctiveActions.dueOn} asc nulls last`, asc(correctiveActions.createdAt), asc(correctiveActions.id)];

export const listActions = (ctx: DataContext): Promise<ActionRow[]> => ctx.select(correctiveActions, { orderBy: order });

/** The actions records of one kind gave rise to (incidents' review findings). */
export const actionsOfOrigins = (ctx: DataContext, origin: LinkedOrigin, originIds: readonly string[]): Promise<ActionRow[]> =>
  originIds.length ? ctx.select(correctiveActions, { where: and(eq(correctiveActions.origin, origin), inArray(correctiveActions.originId, [...originIds])), orderBy: order }) : Promise.resolve([]);
