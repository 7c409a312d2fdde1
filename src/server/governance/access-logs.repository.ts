import { and, asc, eq, ne } from 'drizzle-orm';
import type { DataContext } from '../platform/db/data-context.ts';
import { changeableWith, defineRegister, recordContent } from '../platform/register/register.ts';
import { iamAccounts, logSources } from './access-logs.table.ts';

/** Queries of the IAM review's accounts and the log sources, through a request's DataContext. */

export type IamAccountRow = typeof iamAccounts.$inferSelect;
export type LogSourceRow = typeof logSources.$inferSelect;

const writer = changeableWith('governance.write');

export const accountRegister = defineRegister({ table: iamAccounts, entityType: 'iamAccount', auditView: recordContent, can: writer });
export const logRegister = defineRegister({ table: logSources, entityType: 'logSource', auditView: recordContent, can: writer });

export const listAccounts = (ctx: DataContext) => ctx.select(iamAccounts, { orderBy: [asc(iamAccounts.system), asc(iamAccounts.account), asc(iamAccounts.id)] });
export const listLogSources = (ctx: DataContext) => ctx.select(logSources, { orderBy: [asc(logSources.system), asc(logSources.name), asc(logSources.id)] });

/** Whether another account of the organisation has this name on this system. */
export async function accountTaken(ctx: DataContext, system: string, account: string, exceptId?: string): Promise<boolean> {
  const rows = await ctx.select(iamAccounts, { where: and(eq(iamAccounts.system, system), eq(iamAccounts.account, account), exceptId ? ne(iamAccounts.id, exceptId) : undefined), limit: 1 });
  return rows.length > 0;
}
