import type { DataContext } from '../db/data-context.ts';
import { findProfile } from './organisation-profile.repository.ts';

/**
 * What other modules read of the organisation profile: through these
 * functions only, never its table or repository, so the profile can change
 * its storage without touching its readers.
 */

/** The organisation's annual revenue in whole yen, exact (bigint); null while it is not entered. */
export async function annualRevenueYen(ctx: DataContext): Promise<bigint | null> {
  const revenue = (await findProfile(ctx.db, ctx.organisationId))?.annualRevenueYen;
  return revenue === null || revenue === undefined ? null : BigInt(revenue);
}
