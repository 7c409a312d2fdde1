import { Checkbox, NativeSelect, NumberInput, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { BUDGET_STAGES, type BudgetStage } from '../../shared/costs/cost-plan.rules.ts';
import { RESERVED_DISCOUNT_MAX, SCENARIO_KINDS, type ScenarioKind } from '../../shared/costs/cost.rules.ts';
import { RISK_REDUCTION_SOURCES, type TCreateCostScenarioRequest } from '../../shared/costs/cost.schema.ts';
import { SectionCard } from '../components/section-card.tsx';
import { useOrganisationSession } from '../platform/auth/session.query.ts';
import { registerFormLabels } from '../platform/register/register-form-labels.ts';
import { recordPage, RegisterForm } from '../platform/register/register-form.tsx';
import { useRegisterRecordEditor } from '../platform/register/use-register-editor.ts';
import { COSTS } from './cost-list.page.tsx';
import { scenarioRecords, type TCostScenario, useCostOverview } from './cost.query.ts';

type Num = number | string;
type Values = { name: string; kind: ScenarioKind; initialYen: Num; runningYenPerYear: Num; hiddenYenPerYear: Num; reservedSharePercent: Num; reservedDiscountPercent: Num; years: Num; discountRatePercent: Num; riskReductionSource: TCostScenario['riskReductionSource']; riskReductionYenPerYear: Num; notes: string; stage: BudgetStage | ''; adopted: boolean; planStartMonth: string };
const emptyOf = (kind: ScenarioKind): Values => ({ name: '', kind, initialYen: 0, runningYenPerYear: '', hiddenYenPerYear: 0, reservedSharePercent: 0, reservedDiscountPercent: 0, years: 5, discountRatePercent: 3, riskReductionSource: 'none', riskReductionYenPerYear: 0, notes: '', stage: '', adopted: false, planStartMonth: '' });
const valuesOf = (s: TCostScenario): Values => ({
  name: s.name,
  kind: s.kind,
  initialYen: s.initialYen,
  runningYenPerYear: s.runningYenPerYear,
  hiddenYenPerYear: s.hiddenYenPerYear,
  reservedSharePercent: s.reservedSharePercent,
  reservedDiscountPercent: s.reservedDiscountPercent,
  years: s.years,
  discountRatePercent: s.discountRatePercent,
  riskReductionSource: s.riskReductionSource,
  riskReductionYenPerYear: s.riskReductionYenPerYear,
  notes: s.notes,
  stage: s.stage ?? '',
  adopted: s.adopted,
  planStartMonth: s.planStartMonth ?? '',
});
const n = (v: Num) => Number(v || 0);
const bodyOf = (v: Values): TCreateCostScenarioRequest => ({
  name: v.name.trim(),
  kind: v.kind,
  initialYen: n(v.initialYen),
  runningYenPerYear: n(v.runningYenPerYear),
  hiddenYenPerYear: n(v.hiddenYenPerYear),
  reservedSharePercent: n(v.reservedSharePercent),
  reservedDiscountPercent: n(v.reservedDiscountPercent),
  years: n(v.years),
  discountRatePercent: n(v.discountRatePercent),
  riskReductionSource: v.riskReductionSource,
  riskReductionYenPerYear: n(v.riskReductionYenPerYear),
  notes: v.notes.trim(),
  // A baseline is neither checked against a stage's guide nor a plan.
  stage: v.kind === 'cloud' && v.stage ? v.stage : null,
  adopted: v.kind === 'cloud' && v.adopted,
  planStartMonth: v.kind === 'cloud' && v.planStartMonth ? v.planStartMonth : null,
});

/** A cost scenario: the baseline or a cloud scenario, its costs, and for a cloud scenario the terms of its comparison. */
export const CostFormPage = recordPage(function CostEditor({ id }: { id: string | undefined }) {
  const { t } = useTranslation();
  const session = useOrganisationSession();
  const overview = useCostOverview();
  const [params] = useSearchParams();
  const edit = useRegisterRecordEditor(scenarioRecords, id, {
    empty: emptyOf(params.get('kind') === 'baseline' ? 'baseline' : 'cloud'),
    valuesOf,
    bodyOf,
    pathOf: (newId) => `${COSTS}/scenarios/${newId}`,
    createdMessage: t('costs.created'),
    savedMessage: t('costs.saved'),
  });
  const { isNew, record, editor } = edit;
  const { form } = editor;
  const data = record.data;
  const values = form.getValues();
  const f = (key: string) => t(`costs.fields.${key}`);
  const hint = (key: string) => t(`costs.hints.${key}`);
  const yenInput = (key: keyof Values, withHint = false) => <NumberInput label={f(key)} description={withHint ? hint(key) : undefined} min={0} allowDecimal={false} thousandSeparator="," {...form.getInputProps(key)} />;
  return (
    <RegisterForm
      {...edit}
      title={isNew ? t('costs.new') : (data?.name ?? t('costs.title'))}
      description={t('costs.description')}
      listPath={COSTS}
      labels={registerFormLabels(t, 'costs', { name: data?.name ?? '' })}
      canWrite={data ? data.can.update : session.organisation.can['costs.write']}
      needs={overview}
    >
      <SectionCard id="scenario" title={t('costs.section')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={f('name')} required maxLength={200} {...form.getInputProps('name')} />
          <NativeSelect label={f('kind')} disabled={!isNew} data={SCENARIO_KINDS.map((k) => ({ value: k, label: t(`costs.kind.${k}`) }))} {...form.getInputProps('kind')} />
        </SimpleGrid>
      </SectionCard>
      <SectionCard id="costs" title={t('costs.costsSection')}>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            {yenInput('initialYen', true)}
            {yenInput('runningYenPerYear', true)}
            {yenInput('hiddenYenPerYear', true)}
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NumberInput label={f('reservedSharePercent')} min={0} max={100} allowDecimal={false} {...form.getInputProps('reservedSharePercent')} />
            <NumberInput label={f('reservedDiscountPercent')} description={hint('reservedDiscountPercent')} min={0} max={RESERVED_DISCOUNT_MAX} allowDecimal={false} {...form.getInputProps('reservedDiscountPercent')} />
          </SimpleGrid>
        </Stack>
      </SectionCard>
      {values.kind === 'cloud' ? (
        <SectionCard id="horizon" title={t('costs.horizonSection')}>
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <NumberInput label={f('years')} min={1} max={10} allowDecimal={false} {...form.getInputProps('years')} />
              <NumberInput label={f('discountRatePercent')} description={hint('discountRatePercent')} min={0} max={30} decimalScale={2} {...form.getInputProps('discountRatePercent')} />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <NativeSelect label={f('riskReductionSource')} data={RISK_REDUCTION_SOURCES.map((k) => ({ value: k, label: t(`costs.riskSource.${k}`) }))} {...form.getInputProps('riskReductionSource')} />
              {values.riskReductionSource === 'manual' ? yenInput('riskReductionYenPerYear') : null}
            </SimpleGrid>
          </Stack>
        </SectionCard>
      ) : null}
      {values.kind === 'cloud' ? (
        <SectionCard id="plan" title={t('costs.planSection')}>
          <Stack gap="sm">
            <NativeSelect
              label={f('stage')}
              description={hint('stage')}
              data={[{ value: '', label: t('costs.stageNone') }, ...BUDGET_STAGES.map((s) => ({ value: s, label: t('costs.stageOption', { stage: s }) }))]}
              {...form.getInputProps('stage')}
            />
            <Checkbox label={f('adopted')} description={hint('adopted')} {...form.getInputProps('adopted', { type: 'checkbox' })} />
            <TextInput type="month" label={f('planStartMonth')} required={values.adopted} maw={240} {...form.getInputProps('planStartMonth')} />
          </Stack>
        </SectionCard>
      ) : null}
      <SectionCard id="notes" title={f('notes')}>
        <Textarea aria-label={f('notes')} autosize minRows={2} maxLength={2000} {...form.getInputProps('notes')} />
      </SectionCard>
    </RegisterForm>
  );
});
