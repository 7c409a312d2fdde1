import type { Readable } from 'node:stream';
import type { TControlSets } from '../../shared/governance/control.schema.ts';
import type { IsoDate } from '../../shared/platform/calendar-date.ts';
import type { TLocale } from '../../shared/schemas/common.schema.ts';
import type { DataContext } from '../platform/db/data-context.ts';
import { translator } from '../platform/i18n/translate.ts';
import { datedFileName, fieldLabel as label } from '../platform/register/export.route.ts';
import type { RegisterField } from '../platform/register/register-fields.ts';
import type { ExportFormat } from '../platform/transfer/export.writer.ts';
import { exportTables } from '../platform/transfer/register-export.ts';
import { controlSetsOf } from './control.service.ts';

/** The statement of applicability as a file: every control of every loaded set, judged or not, in the member's language. */

type Line = TControlSets['sets'][number]['controls'][number] & { setName: { ja: string; en: string } };

export async function exportControls(ctx: DataContext, format: ExportFormat, locale: TLocale, today: IsoDate): Promise<Readable> {
  const t = translator(locale);
  const { sets } = await controlSetsOf(ctx, today);
  const lines: Line[] = sets.flatMap((s) => s.controls.map((c) => ({ ...c, setName: s.name })));
  const f = (key: string) => label(`governance.controls.fields.${key}`);
  const fields: RegisterField<Line>[] = [
    { key: 'set', label: f('set'), value: (l) => l.setName[locale] },
    { key: 'code', label: f('code'), value: (l) => l.code },
    { key: 'control', label: f('control'), value: (l) => l.name[locale] },
    { key: 'applicable', label: f('applicable'), value: (l) => (l.assessment ? t(`governance.controls.applicability.${l.assessment.applicable ? 'applicable' : 'excluded'}`) : t('governance.controls.applicability.unassessed')) },
    { key: 'reason', label: f('reason'), value: (l) => l.assessment?.reason ?? '' },
    { key: 'status', label: f('status'), value: (l) => (l.assessment ? t(`governance.controls.status.${l.assessment.status}`) : '') },
    { key: 'owner', label: f('owner'), value: (l) => l.assessment?.ownerDepartment?.name ?? null },
    { key: 'dueOn', label: f('dueOn'), value: (l) => l.assessment?.dueOn ?? null },
    { key: 'evidence', label: f('evidence'), value: (l) => (l.assessment?.evidence ?? []).map((e) => e.fileName).join(', ') },
  ];
  return exportTables(format, locale, [{ name: t('governance.controls.sheetName'), fields, records: () => lines }]);
}

export const controlExportFileName = (format: ExportFormat, locale: TLocale, today: IsoDate) => datedFileName(format, locale, 'governance.controls.fileName', 'statement-of-applicability', today);
