import { Anchor, Button, Checkbox, Group, Radio, Stack, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { MOTIVES, STAGE_X_KINDS } from '../../shared/schemas/workload.schema.ts';
import { toApiError } from '../api/api-client.ts';
import { useRecordEditor } from '../api/use-record-editor.ts';
import { SectionLoader } from '../components/full-page-loader.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { ProblemAlert, SuccessMessage } from '../components/problem-alert.tsx';
import { RecordFormFooter } from '../components/record-form-footer.tsx';
import { SectionCard } from '../components/section-card.tsx';
import { useOrganisationSession } from '../platform/auth/session.query.ts';
import { AdvantageSection, AssetSection, CategorySection, ImpactSection, MotivesIntro, VerdictCard } from './workload-form.sections.tsx';
import { bodyOf, EMPTY, valuesOf } from './workload-form.values.ts';
import { useCreateWorkload, useDeleteWorkload, useUpdateWorkload, useWorkload, useWorkloadReference } from './workload.query.ts';

/** A workload (対象業務): the three motives and the seed's four selection procedures, then the verdict with its reasons. */
export function WorkloadFormPage() {
  const { id } = useParams();
  // A fresh form for each record: nothing typed for one carries over to the next.
  return <WorkloadEditor key={id ?? 'new'} id={id} />;
}

function WorkloadEditor({ id }: { id: string | undefined }) {
  const { t } = useTranslation();
  const isNew = !id;
  const navigate = useNavigate();
  const session = useOrganisationSession();
  const canWrite = session.organisation.can['assets.write'];
  const workload = useWorkload(isNew ? null : id);
  const reference = useWorkloadReference();
  const create = useCreateWorkload();
  const update = useUpdateWorkload(id ?? '');
  const remove = useDeleteWorkload();
  const data = workload.data;
  const { form, errors, saved, submit } = useRecordEditor({ data, isNew, empty: EMPTY, valuesOf, bodyOf, create, update, pathOf: (newId) => `/workloads/${newId}`, createdMessage: t('workloads.created'), savedMessage: t('workloads.saved') });

  const title = isNew ? t('workloads.newTitle') : (data?.name ?? t('workloads.title'));
  const ref = reference.data;

  return (
    <>
      <PageHeader
        title={title}
        description={t('workloads.formDescription')}
        actions={
          <Anchor component={Link} to="/workloads">
            {t('workloads.backToList')}
          </Anchor>
        }
      />
      <ProblemAlert problem={workload.error ? toApiError(workload.error) : reference.error ? toApiError(reference.error) : null} mb="md" />
      {(!isNew && workload.isPending) || reference.isPending ? <SectionLoader /> : null}
      {ref && (isNew || data) ? (
        <Stack gap="lg">
          {data ? <VerdictCard workload={data} reference={ref} /> : null}
          <form noValidate onSubmit={submit} aria-label={title}>
            <fieldset disabled={!canWrite} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
              <Stack gap="lg">
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

                <ProblemAlert problem={errors.problem} extra={errors.otherFieldMessages} onClose={errors.problem?.status === 409 ? undefined : errors.clear} />
                {errors.problem?.status === 409 && !isNew ? (
                  <Group>
                    <Button
                      variant="light"
                      onClick={() => {
                        errors.clear();
                        void workload.refetch();
                      }}
                    >
                      {t('common.reloadLatest')}
                    </Button>
                  </Group>
                ) : null}
                <SuccessMessage message={saved} />
                {canWrite ? (
                  <RecordFormFooter
                    isNew={isNew}
                    saving={create.isPending || update.isPending}
                    submitLabel={isNew ? t('workloads.create') : t('common.save')}
                    deleteLabel={t('workloads.delete')}
                    deleteTitle={t('workloads.deleteTitle')}
                    deleteMessage={t('workloads.deleteConfirm', { name: data?.name ?? '' })}
                    deleting={remove.isPending}
                    deleteProblem={remove.error ? toApiError(remove.error) : null}
                    onDelete={() => data && remove.mutate(data.id, { onSuccess: () => navigate('/workloads', { replace: true }) })}
                  />
                ) : null}
              </Stack>
            </fieldset>
          </form>
        </Stack>
      ) : null}
    </>
  );
}
