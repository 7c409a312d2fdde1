import { Checkbox, Group, Radio, Stack, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { MOTIVES, STAGE_X_KINDS } from '../../shared/schemas/workload.schema.ts';
import { SectionCard } from '../components/section-card.tsx';
import { useOrganisationSession } from '../platform/auth/session.query.ts';
import { recordPage, RegisterForm } from '../platform/register/register-form.tsx';
import { useRegisterRecordEditor } from '../platform/register/use-register-editor.ts';
import { AdvantageSection, AssetSection, CategorySection, ImpactSection, MotivesIntro, VerdictCard } from './workload-form.sections.tsx';
import { bodyOf, EMPTY, valuesOf } from './workload-form.values.ts';
import { usePortfolioFormLabels } from './workload-labels.tsx';
import { useWorkloadReference, workloadRecords } from './workload.query.ts';

/** A workload (対象業務): the three motives and the seed's four selection procedures, then the verdict with its reasons. */
export const WorkloadFormPage = recordPage(WorkloadEditor);

function WorkloadEditor({ id }: { id: string | undefined }) {
  const { t } = useTranslation();
  const session = useOrganisationSession();
  const reference = useWorkloadReference();
  const edit = useRegisterRecordEditor(workloadRecords, id, { empty: EMPTY, valuesOf, bodyOf, pathOf: (newId) => `/workloads/${newId}`, createdMessage: t('workloads.created'), savedMessage: t('workloads.saved') });
  const { isNew, record: workload, editor } = edit;
  const data = workload.data;
  const { form } = editor;
  const labels = usePortfolioFormLabels('workloads', data?.name);
  const title = isNew ? t('workloads.newTitle') : (data?.name ?? t('workloads.title'));
  const ref = reference.data;

  return (
    <RegisterForm
      {...edit}
      title={title}
      description={t('workloads.formDescription')}
      listPath="/workloads"
      labels={labels}
      canWrite={session.organisation.can['assets.write']}
      needs={reference}
      summary={data && ref ? <VerdictCard workload={data} reference={ref} /> : null}
    >
      {ref ? (
        <>
          <SectionCard id="basics" title={t('workloads.sections.basics')}>
            <Stack gap="sm">
              <TextInput label={t('workloads.fields.name')} required maxLength={200} {...form.getInputProps('name')} />
              <Textarea label={t('workloads.fields.description')} autosize minRows={2} maxLength={4000} {...form.getInputProps('description')} />
            </Stack>
          </SectionCard>

          <SectionCard id="motives" title={t('workloads.sections.motives')} description={<MotivesIntro />}>
            <Checkbox.Group label={t('workloads.fields.motives')} {...form.getInputProps('motives')}>
              <Stack gap="xs" mt="xs">
                {MOTIVES.map((m) => (
                  <Checkbox key={m} value={m} label={t(`workloads.motive.${m}`)} description={t(`workloads.motiveHint.${m}`)} />
                ))}
              </Stack>
            </Checkbox.Group>
          </SectionCard>

          <CategorySection reference={ref} value={form.values.categoryId} onChange={(v) => form.setFieldValue('categoryId', v)} error={form.errors.categoryId} />

          <ImpactSection reference={ref} value={form.values.impactIds} onChange={(v) => form.setFieldValue('impactIds', v)} />

          <AssetSection workload={data ?? null} value={form.values.assetIds} onChange={(v) => form.setFieldValue('assetIds', v)} error={form.errors.assetIds} />

          <AdvantageSection reference={ref} form={form} />

          <SectionCard id="stage" title={t('workloads.sections.stage')} description={t('workloads.sections.stageHint')}>
            <Stack gap="md">
              <Radio.Group label={t('workloads.fields.riskTolerable')} description={t('workloads.fields.riskTolerableHint')} {...form.getInputProps('riskTolerable')}>
                <Group mt="xs">
                  {(['yes', 'no', 'unanswered'] as const).map((v) => (
                    <Radio key={v} value={v} label={t(`workloads.tolerance.${v}`)} />
                  ))}
                </Group>
              </Radio.Group>
              <Checkbox label={t('workloads.fields.coreBusiness')} description={t('workloads.fields.coreBusinessHint')} {...form.getInputProps('coreBusiness', { type: 'checkbox' })} />
              <Checkbox.Group label={t('workloads.fields.stageXKinds')} description={t('workloads.fields.stageXKindsHint')} {...form.getInputProps('stageXKinds')}>
                <Stack gap="xs" mt="xs">
                  {STAGE_X_KINDS.map((k) => (
                    <Checkbox key={k} value={k} label={t(`workloads.stageXKind.${k}`)} />
                  ))}
                </Stack>
              </Checkbox.Group>
              <Textarea
                label={t('workloads.fields.stageXPlan')}
                description={t('workloads.fields.stageXPlanHint')}
                autosize
                minRows={3}
                maxLength={4000}
                {...form.getInputProps('stageXPlan')}
              />
            </Stack>
          </SectionCard>
        </>
      ) : null}
    </RegisterForm>
  );
}
