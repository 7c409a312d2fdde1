import type { z } from 'zod';
import type {
  CreateThreatAssessmentRequestSchema,
  TThreatAssessment,
  TThreatAssessmentView,
  UpdateThreatAssessmentRequestSchema,
} from '../../shared/risks/threat-assessment.schema.ts';
import { loadedCollection } from '../catalog/catalog.public.ts';
import type { DataContext } from '../platform/db/data-context.ts';
import { HttpProblem } from '../platform/http/problem.ts';
import { versionConflict } from '../platform/register/register.ts';
import { brokenUniqueKey } from '../platform/register/register-statement.ts';
import { THREATS_COLLECTION } from './risk.service.ts';
import {
  listThreatAssessments,
  THREAT_ASSESSMENT_THREAT_KEY,
  threatAssessmentRegister,
  type ThreatAssessmentPatch,
  type ThreatAssessmentRow,
} from './threat-assessment.repository.ts';
import { summaryOf, threatListsOf, type Impacts, type ThreatListModel } from './threat-assessment.rules.ts';
import { threatAssessments } from './threat-assessment.table.ts';
import { eq } from 'drizzle-orm';

/**
 * The organisation's judgement of each threat of its loaded threat lists
 * (seed 000 II.2.1 表2: bankruptcy, sharp drop in sales, loss of customers),
 * one versioned, audited record per threat.
 */

const impactsOf = (r: ThreatAssessmentRow): Impacts => ({
  impactBankruptcy: r.impactBankruptcy as Impacts['impactBankruptcy'],
  impactSalesDrop: r.impactSalesDrop as Impacts['impactSalesDrop'],
  impactCustomerLoss: r.impactCustomerLoss as Impacts['impactCustomerLoss'],
});

function present(ctx: DataContext, row: ThreatAssessmentRow): TThreatAssessment {
  return threatAssessmentRegister.present(ctx, row, (r) => ({
    id: r.id,
    threatItemId: r.threatItemId,
    ...impactsOf(r),
    note: r.note,
    version: r.version,
    updatedAt: r.updatedAt.toISOString(),
  }));
}

async function loadedLists(ctx: DataContext): Promise<ThreatListModel[]> {
  const threats = await loadedCollection(ctx, THREATS_COLLECTION);
  return threatListsOf(threats?.items ?? []);
}

/**
 * A year's list (the newest loaded when no year is asked) with each threat
 * by rank, the organisation's judgement of it and, where the catalog has it,
 * the study's worked example; and every loaded list with its summary, for
 * the year selector. A year the organisation has no list of: 400 on `year`.
 */
export async function threatAssessmentView(ctx: DataContext, year: number | undefined): Promise<TThreatAssessmentView> {
  const [lists, rows] = await ctx.sideBySide(
    () => loadedLists(ctx),
    () => listThreatAssessments(ctx),
  );
  const byThreat = new Map(rows.map((r) => [r.threatItemId, r]));
  const impacts = new Map(rows.map((r) => [r.threatItemId, impactsOf(r)]));
  const chosen = year === undefined ? lists[0] : lists.find((l) => l.year === year);
  if (year !== undefined && !chosen) throw new HttpProblem(400, 'validation', {}, [{ path: 'year', code: 'threatYearUnknown', params: { year: String(year) } }]);
  const head = (l: ThreatListModel) => ({
    id: l.id,
    year: l.year,
    name: l.name,
    labelledYearInStudy: l.labelledYearInStudy,
    summary: summaryOf(
      l.threats.map((t) => t.id),
      impacts,
    ),
  });
  return {
    lists: lists.map(head),
    list: chosen
      ? {
          ...head(chosen),
          note: chosen.note,
          hasStudyExample: chosen.threats.some((t) => t.studyExample),
          items: chosen.threats.map((t) => {
            const row = byThreat.get(t.id);
            return { threatItemId: t.id, rank: t.rank, name: t.name, studyExample: t.studyExample, assessment: row ? present(ctx, row) : null };
          }),
        }
      : null,
  };
}

/** A threat is a ranked entry of one of the organisation's loaded lists, not a list itself nor an item it never loaded. */
async function checkThreat(ctx: DataContext, threatItemId: string): Promise<void> {
  const lists = await loadedLists(ctx);
  if (!lists.some((l) => l.threats.some((t) => t.id === threatItemId))) throw new HttpProblem(400, 'validation', {}, [{ path: 'threatItemId', code: 'catalogItemUnknown' }]);
}

/**
 * The first judgement of a threat. A threat already judged (someone saved it
 * first, or the same save arrived twice) is a 409 like a stale version: the
 * page reloads the stored judgement instead of overwriting it.
 */
export async function createThreatAssessment(ctx: DataContext, input: z.output<typeof CreateThreatAssessmentRequestSchema>): Promise<TThreatAssessment> {
  const row = await ctx.transaction(async (tx) => {
    await checkThreat(tx, input.threatItemId);
    const [taken] = await tx.select(threatAssessments, { where: eq(threatAssessments.threatItemId, input.threatItemId), limit: 1 });
    if (taken) throw versionConflict();
    try {
      return await threatAssessmentRegister.create(tx, {
        threatItemId: input.threatItemId,
        impactBankruptcy: input.impactBankruptcy ?? null,
        impactSalesDrop: input.impactSalesDrop ?? null,
        impactCustomerLoss: input.impactCustomerLoss ?? null,
        note: input.note ?? '',
      });
    } catch (e) {
      if (brokenUniqueKey(e) === THREAT_ASSESSMENT_THREAT_KEY) throw versionConflict();
      throw e;
    }
  });
  return present(ctx, row);
}

export async function updateThreatAssessment(ctx: DataContext, id: string, input: z.output<typeof UpdateThreatAssessmentRequestSchema>): Promise<TThreatAssessment> {
  const { version, ...fields } = input;
  const patch: ThreatAssessmentPatch = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
  const row = await ctx.transaction(async (tx) => {
    const before = await threatAssessmentRegister.expect(tx, id, version);
    return threatAssessmentRegister.update(tx, id, version, patch, { before: threatAssessmentRegister.spec.auditView(before), changedOnly: true });
  });
  return present(ctx, row);
}

export const threatAssessmentHistory = (ctx: DataContext, id: string) => threatAssessmentRegister.history(ctx, id);
