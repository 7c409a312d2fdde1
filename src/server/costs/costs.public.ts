import type { TPlanReview } from '../../shared/costs/cost-actual.schema.ts';
import type { DataContext } from '../platform/db/data-context.ts';
import { planReview } from './cost-actual.service.ts';

/**
 * What other modules read of costs: the adopted plan against the actual
 * costs through the current month (seed 004 「財務計画の5ステップ」 step 5
 * 「定期レビュー」), the same review the plan-and-actual page shows.
 * Other modules import this file only (eslint.config.js enforces it).
 */
export const costPlanReview = (ctx: DataContext, now: Date): Promise<TPlanReview> => planReview(ctx, now);
