import { asc, sql } from 'drizzle-orm';
import type { DataContext } from '../platform/db/data-context.ts';
import { changeableWith, defineRegister, recordContent } from '../platform/register/register.ts';
import { ismsDocuments } from './isms-document.table.ts';

/** Queries of the ISMS document registry, through a request's DataContext. */

export type IsmsDocumentRow = typeof ismsDocuments.$inferSelect;

export const documentRegister = defineRegister({
  table: ismsDocuments,
  entityType: 'ismsDocument',
  auditView: recordContent,
  can: changeableWith('governance.write'),
});

/** A seed document is registered once: a second is refused by this key. */
export const ISMS_DOCUMENT_ITEM_KEY = 'isms_documents_org_item_key';

/** In force first, the soonest review first (undated after), then by title; retired documents last. */
export const listDocumentRows = (ctx: DataContext): Promise<IsmsDocumentRow[]> =>
  ctx.select(ismsDocuments, { orderBy: [asc(sql`${ismsDocuments.status} = 'retired'`), sql`${ismsDocuments.nextReviewOn} asc nulls last`, asc(ismsDocuments.title), asc(ismsDocuments.id)] });
