import { NativeSelect, NumberInput, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TCreateCostActualRequest } from '../../shared/costs/cost-actual.schema.ts';
import { dateIn } from '../../shared/platform/calendar-date.ts';
import { COST_CATEGORIES, type CostCategory } from '../../shared/costs/cost-plan.rules.ts';
import { SectionCard } from '../components/section-card.tsx';
import { useOrganisationSession } from '../platform/auth/session.query.ts';
import { registerFormLabels } from '../platform/register/register-form-labels.ts';
import { recordPage, RegisterForm } from '../platform/register/register-form.tsx';
import { useRegisterRecordEditor } from '../platform/register/use-register-editor.ts';
import { actualRecords, type TCostActual } from './cost.query.ts';
import { ACTUALS } from './plan-review.page.tsx';

type Values = { month: string; category: CostCategory; amountYen: number | string; description: string; notes: string };

/** This month in Japan, as the month input writes it. */
const thisMonth = () => dateIn('Asia/Tokyo', new Date()).slice(0, 7);
const valuesOf = (a: TCostActual): Values => ({ month: a.month, category: a.category, amountYen: a.amountYen, description: a.description, notes: a.notes });
const bodyOf = (v: Values): TCreateCostActualRequest => ({ month: v.month, category: v.category, amountYen: Number(v.amountYen || 0), description: v.description.trim(), notes: v.notes.trim() });

/** One actual cost line (a bill, a charge, a credit): its month, category and amount. */
export const ActualFormPage = recordPage(function ActualEditor({ id }: { id: string | undefined }) {
  const { t } = useTranslation();
  const session = useOrganisationSession();
  const edit = useRegisterRecordEditor(actualRecords, id, {
    empty: { month: thisMonth(), category: 'running', amountYen: '', description: '', notes: '' },
    valuesOf,
    bodyOf,
    pathOf: (newId) => `${ACTUALS}/${newId}`,
    createdMessage: t('costs.actuals.created'),
    savedMessage: t('costs.actuals.saved'),
  });
  const { isNew, record, editor } = edit;
  const { form } = editor;
  const data = record.data;
  const f = (key: string) => t(`costs.actualFields.${key}`);
  return (
    <RegisterForm
      {...edit}
      title={isNew ? t('costs.actuals.new') : (data?.description ?? t('costs.actuals.title'))}
      description={t('costs.actuals.description')}
      listPath={ACTUALS}
      labels={registerFormLabels(t, 'costs.actuals', { name: data?.description ?? '' })}
      canWrite={data ? data.can.update : session.organisation.can['costs.write']}
    >
      <SectionCard id="actual" title={t('costs.actuals.section')}>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput type="month" label={f('month')} required {...form.getInputProps('month')} />
            <NativeSelect label={f('category')} data={COST_CATEGORIES.map((c) => ({ value: c, label: t(`costs.category.${c}`) }))} {...form.getInputProps('category')} />
            <NumberInput label={f('amountYen')} description={t('costs.actuals.credit')} required allowDecimal={false} thousandSeparator="," {...form.getInputProps('amountYen')} />
          </SimpleGrid>
          <TextInput label={f('description')} required maxLength={200} {...form.getInputProps('description')} />
          <Textarea label={f('notes')} autosize minRows={2} maxLength={2000} {...form.getInputProps('notes')} />
        </Stack>
      </SectionCard>
    </RegisterForm>
  );
});
