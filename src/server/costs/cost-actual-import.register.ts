import type { ImportRegister } from '../platform/transfer/transfer.contract.ts';
import { currentMonth } from './cost-actual.service.ts';
import { ACTUAL_IMPORT_TRANSFER_FIELDS, readActualRow, type ActualField, type ActualLookups, type PreparedActual } from './cost-actual-import.rules.ts';
import { monthDate } from './cost.repository.ts';
import { costActualImportIssues, costActualImports, costActuals } from './cost.table.ts';

/**
 * The actual costs as a register of the import pipeline (platform/transfer):
 * a CSV or XLSX of bills, one line per row (cost-actual-import.rules.ts),
 * written all or nothing. The lines refer to nothing else, so nothing can
 * change between the check and the commit.
 */

export const COST_ACTUAL_IMPORT_QUEUE = 'cost-actual-import';
const BATCH = 1000;

export const COST_ACTUAL_IMPORT: ImportRegister<ActualField, PreparedActual, ActualLookups, null, PreparedActual[]> = {
  queue: COST_ACTUAL_IMPORT_QUEUE,
  tables: { imports: costActualImports, issues: costActualImportIssues },
  fields: ACTUAL_IMPORT_TRANSFER_FIELDS,
  messages: 'costs.actualImport',
  fieldLabels: 'costs.actualFields',
  problems: { file: 'costActualImportFile', notReady: 'costActualImportNotReady', running: 'costActualImportRunning' },
  audit: { action: 'costActual.import', entityType: 'costActualImport' },
  // A cost may be booked to a month up to the one the check was asked for in.
  loadLookups: async (_ctx, now) => ({ currentMonth: currentMonth(now) }),
  newState: () => null,
  readRow: readActualRow,
  previewValues: (row) => ({ month: row.month, category: row.category, amountYen: String(row.amountYen) }),
  pack: (rows) => rows,
  count: (rows) => rows.length,

  async commitRows({ ctx, importId, progress }, rows) {
    for (let i = 0; i < rows.length; i += BATCH) {
      await ctx.insert(
        costActuals,
        rows.slice(i, i + BATCH).map((r) => ({
          month: monthDate(r.month),
          category: r.category,
          amountYen: r.amountYen,
          description: r.description,
          notes: r.notes,
          createdByImportId: importId,
          createdBy: ctx.userId,
          updatedBy: ctx.userId,
        })),
      );
      await progress(Math.min(rows.length, i + BATCH));
    }
    return { totalYen: rows.reduce((sum, r) => sum + r.amountYen, 0) };
  },
};
