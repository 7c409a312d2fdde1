import type { z } from 'zod';
import type { SaveReminderSettingsRequestSchema, TReminderSettings, CompleteInspectionRequestSchema, CreateInspectionRequestSchema, TInspection, UpdateInspectionRequestSchema } from '../../shared/operations/operation.schema.ts';
import { nextDueDate, standing, upcomingDates, type Recurrence } from '../../shared/operations/recurrence.rules.ts';
import { dateIn, type IsoDate } from '../../shared/platform/calendar-date.ts';
import { loadedCollection, type LoadedCollection } from '../catalog/catalog.public.ts';
import type { DataContext } from '../platform/db/data-context.ts';
import { HttpProblem, type FieldError } from '../platform/http/problem.ts';
import { findMembership } from '../platform/orgs/organisation.repository.ts';
import { completionsOf, inspectionRegister, insertCompletion, listInspections as listRows, members, settingsOf, settingsRegister, type CompletionRow, type InspectionRow } from './inspection.repository.ts';

/**
 * Recurring inspections (PRODUCT.md capability 11; seed 004 「運用保守・定期点検と
 * 自動化」): each on its schedule, the next due date after the last one
 * covered, and where it stands today in Japan (reminded from a set number of
 * days ahead, overdue after the day).
 */

export const OPERATIONS_TIME_ZONE = 'Asia/Tokyo';
export const OPERATIONS_COLLECTION = 'urn:kumoji:seed-004:operations';
export const todayInJapan = (now: Date): IsoDate => dateIn(OPERATIONS_TIME_ZONE, now);

const recurrenceOf = (r: InspectionRow): Recurrence => ({ unit: r.unit as Recurrence['unit'], every: r.every, startsOn: r.startsOn });

/** The next due date, from the newest due date a completion covered. */
export function nextDueOf(r: InspectionRow, completions: readonly CompletionRow[]): IsoDate {
  const covered = completions.reduce<string | null>((m, c) => (m === null || c.dueOn > m ? c.dueOn : m), null);
  return nextDueDate(recurrenceOf(r), covered);
}

function present(r: InspectionRow, completions: CompletionRow[], catalog: LoadedCollection | null, names: Map<string, string>, today: IsoDate): TInspection {
  const nextDueOn = nextDueOf(r, completions);
  const item = catalog?.items.find((i) => i.itemId === r.catalogItemId);
  return {
    id: r.id,
    title: r.title,
    catalogItemId: r.catalogItemId,
    catalogItem: item ? { ja: item.ja, en: item.en } : null,
    unit: r.unit as TInspection['unit'],
    every: r.every,
    startsOn: r.startsOn,
    ownerUserId: r.ownerUserId,
    ownerName: r.ownerUserId ? (names.get(r.ownerUserId) ?? null) : null,
    remindDaysBefore: r.remindDaysBefore,
    note: r.note,
    nextDueOn,
    standing: standing(nextDueOn, r.remindDaysBefore, today),
    upcoming: upcomingDates(recurrenceOf(r), nextDueOn, 4).slice(1),
    completions: completions.map((c) => ({ id: c.id, dueOn: c.dueOn, doneOn: c.doneOn, result: c.result as 'ok' | 'findings', note: c.note, actor: c.actorLabel })),
    version: r.version,
    updatedAt: r.updatedAt.toISOString(),
  };
}

const catalogOf = (ctx: DataContext) => loadedCollection(ctx, OPERATIONS_COLLECTION);

export async function listInspections(ctx: DataContext, now: Date) {
  const [rows, catalog, people] = await ctx.sideBySide(
    () => listRows(ctx),
    () => catalogOf(ctx),
    () => members(ctx),
  );
  const completions = await completionsOf(ctx, rows.map((r) => r.id));
  const names = new Map(people.map((p) => [p.userId, p.name]));
  return { items: rows.map((r) => present(r, completions.get(r.id) ?? [], catalog, names, todayInJapan(now))).sort((a, b) => a.nextDueOn.localeCompare(b.nextDueOn)) };
}

export async function getInspection(ctx: DataContext, id: string, now: Date): Promise<TInspection> {
  const row = await inspectionRegister.get(ctx, id);
  const [completions, catalog, people] = await ctx.sideBySide(
    () => completionsOf(ctx, [id]),
    () => catalogOf(ctx),
    () => members(ctx),
  );
  return present(row, completions.get(id) ?? [], catalog, new Map(people.map((p) => [p.userId, p.name])), todayInJapan(now));
}

/** The owner is a member; the study's item one of the loaded collection's inspection items. */
async function checkReferences(tx: DataContext, input: { ownerUserId?: string | null; catalogItemId?: string | null }): Promise<void> {
  const errors: FieldError[] = [];
  if (input.ownerUserId && !(await findMembership(tx.db, tx.organisationId, input.ownerUserId))) errors.push({ path: 'ownerUserId', code: 'ownerNotMember' });
  if (input.catalogItemId) {
    const catalog = await catalogOf(tx);
    if (!catalog?.items.some((i) => i.itemId === input.catalogItemId && i.attributes.kind === 'inspection-item')) errors.push({ path: 'catalogItemId', code: 'catalogItemUnknown' });
  }
  if (errors.length) throw new HttpProblem(400, 'validation', {}, errors);
}

export async function createInspection(ctx: DataContext, input: z.output<typeof CreateInspectionRequestSchema>, now: Date): Promise<TInspection> {
  const row = await ctx.transaction(async (tx) => {
    await inspectionRegister.assertNameFree(tx, input.title);
    await checkReferences(tx, input);
    return inspectionRegister.create(tx, input);
  });
  return getInspection(ctx, row.id, now);
}

export async function updateInspection(ctx: DataContext, id: string, input: z.output<typeof UpdateInspectionRequestSchema>, now: Date): Promise<TInspection> {
  const { version, ...fields } = input;
  await ctx.transaction(async (tx) => {
    const before = await inspectionRegister.expect(tx, id, version);
    if (fields.title !== undefined) await inspectionRegister.assertNameFree(tx, fields.title, id);
    await checkReferences(tx, fields);
    await inspectionRegister.update(tx, id, version, fields, { before: inspectionRegister.spec.auditView(before), changedOnly: true });
  });
  return getInspection(ctx, id, now);
}

export async function deleteInspection(ctx: DataContext, id: string): Promise<void> {
  await ctx.transaction((tx) => inspectionRegister.remove(tx, id, undefined));
}

export const inspectionHistory = (ctx: DataContext, id: string) => inspectionRegister.history(ctx, id);

/**
 * Records the inspection done for the due date the screen showed: that date
 * must be the one due now (a stale screen gets 409, as does a second
 * completion of the same date from another instance or tab).
 */
export async function completeInspection(ctx: DataContext, id: string, input: z.output<typeof CompleteInspectionRequestSchema>, now: Date): Promise<TInspection> {
  await ctx.transaction(async (tx) => {
    const row = await inspectionRegister.find(tx, id, 'update');
    if (!row) throw new HttpProblem(404, 'notFound');
    const due = nextDueOf(row, (await completionsOf(tx, [id])).get(id) ?? []);
    if (input.dueOn !== due) throw new HttpProblem(409, 'inspectionDueMoved', { due });
    if (input.doneOn > todayInJapan(now)) throw new HttpProblem(400, 'validation', {}, [{ path: 'doneOn', code: 'doneInFuture' }]);
    const done = await insertCompletion(tx, { inspectionId: id, dueOn: input.dueOn, doneOn: input.doneOn, result: input.result, note: input.note, actorId: tx.userId, actorLabel: tx.actor.actorLabel ?? '' });
    if (!done) throw new HttpProblem(409, 'inspectionDueMoved', { due });
    await tx.audit({ action: 'inspection.complete', entityType: 'inspection', entityId: id, after: { dueOn: done.dueOn, doneOn: done.doneOn, result: done.result, note: done.note } });
  });
  return getInspection(ctx, id, now);
}

/** Who is reminded of an inspection: its owner, or with none named every owner and manager. */
export function recipientsOf(r: Pick<InspectionRow, 'ownerUserId'>, people: readonly { userId: string; role: string }[]): string[] {
  if (r.ownerUserId && people.some((p) => p.userId === r.ownerUserId)) return [r.ownerUserId];
  return people.filter((p) => p.role === 'owner' || p.role === 'manager').map((p) => p.userId);
}

/** Seed 004's inspection items, to start an inspection from. */
export async function inspectionTemplates(ctx: DataContext) {
  const catalog = await catalogOf(ctx);
  const items = catalog?.items ?? [];
  const byId = new Map(items.map((i) => [i.itemId, i]));
  return {
    items: items
      .filter((i) => i.attributes.kind === 'inspection-item')
      .map((i) => {
        const group = i.parentId ? byId.get(i.parentId) : undefined;
        return { itemId: i.itemId, name: { ja: i.ja, en: i.en }, group: group ? { ja: group.ja, en: group.en } : { ja: '', en: '' } };
      }),
    source: catalog?.source ?? [],
  };
}

export async function reminderSettingsOf(ctx: DataContext, userId: string): Promise<TReminderSettings> {
  const row = await settingsOf(ctx, userId);
  return { email: row?.email ?? true, version: row?.version ?? null };
}

/** The member's own settings, at the version read (null the first time): a change from another tab gets 409. */
export async function saveReminderSettings(ctx: DataContext, userId: string, input: z.output<typeof SaveReminderSettingsRequestSchema>): Promise<TReminderSettings> {
  await ctx.transaction(async (tx) => {
    const row = await settingsOf(tx, userId, 'update');
    if (!row) {
      if (input.version !== null) throw new HttpProblem(409, 'conflict');
      await settingsRegister.create(tx, { userId, email: input.email });
    } else {
      if (input.version === null) throw new HttpProblem(409, 'conflict');
      await settingsRegister.update(tx, row.id, input.version, { email: input.email }, { before: settingsRegister.spec.auditView(row), changedOnly: true });
    }
  });
  return reminderSettingsOf(ctx, userId);
}
