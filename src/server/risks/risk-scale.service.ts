import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { can } from '../../shared/policy.ts';
import type { TRiskScale, UpdateRiskScaleRequestSchema } from '../../shared/risks/risk.schema.ts';
import type { DataContext } from '../platform/db/data-context.ts';
import { HttpProblem } from '../platform/http/problem.ts';
import { defineRegister, versionConflict } from '../platform/register/register.ts';
import { ratingsOf } from './risk-analysis.rules.ts';
import { bandCounts, DEFAULT_RISK_SCALE, sameBands, type RiskScale } from './risk-rating.rules.ts';
import { listAllRisks, scaleOf, type ScaleRow } from './risk.repository.ts';
import { storedRisk } from './risk.service.ts';
import { risks, riskScales } from './risk.table.ts';

/**
 * The organisation's risk scale (issue 10: "default 5×5, configurable bands
 * with impact bands in yen, so the heat map and amounts agree"). Until an
 * organisation changes it, the default applies. A change recomputes every
 * risk's stored scores in the same transaction, so the list, the heat map
 * and the export never mix two scales; when the bands themselves move, the
 * bands recorded at each risk's last review no longer mean the same cells,
 * so "moved since the last review" starts again from the next review.
 */

const scaleRegister = defineRegister({ table: riskScales, entityType: 'riskScale', auditView: (r: ScaleRow) => ({ ...scaleOf(r) }) });

function present(ctx: DataContext, row: ScaleRow | undefined): TRiskScale {
  return {
    scale: scaleOf(row),
    version: row?.version ?? null,
    isDefault: !row,
    standard: DEFAULT_RISK_SCALE,
    updatedAt: row?.updatedAt.toISOString() ?? null,
    can: { update: can(ctx.role, 'risks.configure') },
  };
}

export async function getRiskScale(ctx: DataContext): Promise<TRiskScale> {
  const [row] = await ctx.select(riskScales, { limit: 1 });
  return present(ctx, row);
}

/**
 * Sets the scale at the version read (null: the default was in use), then
 * rescores every risk. Fewer bands than a risk's recorded current rating
 * needs would silently move that rating: refused with 409 and the count.
 */
export async function updateRiskScale(ctx: DataContext, input: z.output<typeof UpdateRiskScaleRequestSchema>): Promise<TRiskScale> {
  return ctx.transaction(async (tx) => {
    const [row] = await tx.select(riskScales, { limit: 1, lock: 'update' });
    if ((row?.version ?? null) !== input.version) throw versionConflict();
    const before = scaleOf(row);
    const next: RiskScale = input.scale;
    const all = await listAllRisks(tx);
    const { likelihood, impact } = bandCounts(next);
    const cut = all.filter((r) => r.currentLikelihood !== null && (r.currentLikelihood > likelihood || r.currentImpact! > impact));
    if (cut.length) throw new HttpProblem(409, 'scaleCutsCurrentRatings', { count: cut.length, likelihood, impact });
    const saved = row
      ? await scaleRegister.update(tx, row.id, row.version, { ...next }, { before: { ...before } })
      : await scaleRegister.create(tx, { ...next });
    const bandsMoved = !sameBands(before, next);
    for (const r of all) {
      const ratings = ratingsOf(storedRisk(r), next);
      const rescored = ratings.inherent.score !== r.inherentScore || ratings.residual.score !== r.residualScore;
      if (!rescored && !(bandsMoved && (r.reviewedResidual || r.reviewedInherent))) continue;
      await tx.update(risks, eq(risks.id, r.id), {
        inherentScore: ratings.inherent.score,
        residualScore: ratings.residual.score,
        ...(bandsMoved ? { reviewedInherent: null, reviewedResidual: null } : {}),
      });
    }
    return present(tx, saved);
  });
}
