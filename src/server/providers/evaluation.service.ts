import type { z } from 'zod';
import type { SaveEvaluationRequestSchema, TEvaluation } from '../../shared/providers/provider.schema.ts';
import type { IsoDate } from '../../shared/platform/calendar-date.ts';
import type { CatalogItemRow } from '../catalog/catalog.public.ts';
import type { DataContext } from '../platform/db/data-context.ts';
import { HttpProblem, type FieldError } from '../platform/http/problem.ts';
import { versionConflict } from '../platform/register/register.ts';
import { evaluationOutcome, reevaluation } from './evaluation.rules.ts';
import { bothLanguages, providerCollections } from './provider.catalog.ts';
import { evaluationOf, evaluationRegister, providerRegister, type EvaluationRow } from './provider.repository.ts';
import type { EvaluationItem } from './provider.table.ts';

/**
 * A provider's evaluation (seed 000 III.6.1 a)-i), the company as a company;
 * IV.6 the nine selection checks): one per provider, every item of the two
 * lists shown, rated or not, with the weighted score, the knock-outs and the
 * next evaluation's due date.
 */

interface ListedItem {
  row: CatalogItemRow;
  group: 'company' | 'selection';
  label: string;
}

async function evaluationItems(ctx: DataContext): Promise<{ items: ListedItem[]; source: string[] }> {
  const { company, selection } = await providerCollections(ctx, ['company', 'selection']);
  const items = [
    ...(company?.items ?? []).map((row): ListedItem => ({ row, group: 'company', label: String(row.attributes.letter ?? '') })),
    ...(selection?.items ?? []).map((row): ListedItem => ({ row, group: 'selection', label: String(row.attributes.number ?? '') })),
  ];
  return { items, source: [...(company?.source ?? []), ...(selection?.source ?? [])] };
}

function present(providerId: string, e: EvaluationRow | undefined, listed: { items: ListedItem[]; source: string[] }, today: IsoDate): TEvaluation {
  const saved = new Map((e?.items ?? []).map((i) => [i.itemId, i]));
  const items = listed.items.map(({ row, group, label }) => {
    const s = saved.get(row.itemId);
    return { itemId: row.itemId, group, label, text: bothLanguages(row), rating: s?.rating ?? null, weight: s?.weight ?? 1, knockOut: s?.knockOut ?? false, evidence: s?.evidence ?? '', note: s?.note ?? '' };
  });
  const outcome = evaluationOutcome(items);
  const due = e ? reevaluation(e.evaluatedOn, e.reevaluateMonths, today) : null;
  return {
    providerId,
    id: e?.id ?? null,
    version: e?.version ?? null,
    evaluatedOn: e?.evaluatedOn ?? null,
    reevaluateMonths: e?.reevaluateMonths ?? 12,
    dueOn: due?.dueOn ?? null,
    overdue: due?.overdue ?? false,
    items,
    ...outcome,
    source: listed.source,
  };
}

export async function getEvaluation(ctx: DataContext, providerId: string, today: IsoDate): Promise<TEvaluation> {
  await providerRegister.get(ctx, providerId);
  const [e, listed] = await ctx.sideBySide(
    () => evaluationOf(ctx, providerId),
    () => evaluationItems(ctx),
  );
  return present(providerId, e, listed, today);
}

/**
 * Saves the evaluation at the version the member read (null: the first one;
 * a first one when another was saved meanwhile is 409). Every item must be
 * one of the two lists as loaded: 400 on the item otherwise.
 */
export async function saveEvaluation(ctx: DataContext, providerId: string, input: z.output<typeof SaveEvaluationRequestSchema>, today: IsoDate): Promise<TEvaluation> {
  await ctx.transaction(async (tx) => {
    await providerRegister.find(tx, providerId, 'key share').then((p) => {
      if (!p) throw new HttpProblem(404, 'notFound');
    });
    const listed = await evaluationItems(tx);
    const known = new Set(listed.items.map((i) => i.row.itemId));
    const errors: FieldError[] = input.items.flatMap((item, i) => (known.has(item.itemId) ? [] : [{ path: `items.${i}.itemId`, code: 'catalogItemUnknown' }]));
    if (errors.length) throw new HttpProblem(400, 'validation', {}, errors);
    const items: EvaluationItem[] = input.items;
    const existing = await evaluationOf(tx, providerId, 'update');
    if (input.version === null) {
      if (existing) throw versionConflict();
      await evaluationRegister.create(tx, { providerId, evaluatedOn: input.evaluatedOn, reevaluateMonths: input.reevaluateMonths, items });
    } else {
      if (!existing || existing.version !== input.version) throw versionConflict();
      await evaluationRegister.update(tx, existing.id, input.version, { evaluatedOn: input.evaluatedOn, reevaluateMonths: input.reevaluateMonths, items }, { before: evaluationRegister.spec.auditView(existing), changedOnly: true });
    }
  });
  return getEvaluation(ctx, providerId, today);
}
