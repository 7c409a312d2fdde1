import { Alert, Anchor, Badge, Button, Checkbox, Group, MultiSelect, NativeSelect, Paper, Radio, SimpleGrid, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { type ReactNode, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { MOTIVES, PRIORITIES, STAGE_X_KINDS, type TWorkloadReason } from '../../shared/schemas/workload.schema.ts';
import { toApiError } from '../api/api-client.ts';
import { useRecordEditor } from '../api/use-record-editor.ts';
import { SectionLoader } from '../components/full-page-loader.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { ProblemAlert, SuccessMessage } from '../components/problem-alert.tsx';
import { RecordFormFooter } from '../components/record-form-footer.tsx';
import { SectionCard } from '../components/section-card.tsx';
import { useLocaleAndZone } from '../i18n/use-locale-and-zone.ts';
import { useOrganisationSession } from '../platform/auth/session.query.ts';
import { Citation, formatYen, joinList, KeyValue, pick, ReasonList, useStageName, VerdictBadge } from './workload-labels.tsx';
import {
  type TWorkload,
  type TWorkloadReference,
  useAssetChoices,
  useCreateWorkload,
  useDeleteWorkload,
  useUpdateWorkload,
  useWorkload,
  useWorkloadReference,
} from './workload.query.ts';

type Tolerance = 'yes' | 'no' | 'unanswered';

interface Values {
  name: string;
  description: string;
  motives: string[];
  categoryId: string;
  impactIds: string[];
  assetIds: string[];
  advantageThemeId: string;
  pastPriority: string;
  futurePriority: string;
  riskTolerable: Tolerance;
  coreBusiness: boolean;
  stageXKinds: string[];
  stageXPlan: string;
}

const EMPTY: Values = {
  name: '',
  description: '',
  motives: [],
  categoryId: '',
  impactIds: [],
  assetIds: [],
  advantageThemeId: '',
  pastPriority: '',
  futurePriority: '',
  riskTolerable: 'unanswered',
  coreBusiness: false,
  stageXKinds: [],
  stageXPlan: '',
};

const valuesOf = (w: TWorkload): Values => ({
  name: w.name,
  description: w.description,
  motives: w.motives,
  categoryId: w.categoryId ?? '',
  impactIds: w.impactIds,
  assetIds: w.assets.map((a) => a.id),
  advantageThemeId: w.advantageThemeId ?? '',
  pastPriority: w.pastPriority ?? '',
  futurePriority: w.futurePriority ?? '',
  riskTolerable: w.riskTolerable === null ? 'unanswered' : w.riskTolerable ? 'yes' : 'no',
  coreBusiness: w.coreBusiness,
  stageXKinds: w.stageXKinds,
  stageXPlan: w.stageXPlan ?? '',
});

/** The request body: every field of the form, empty choices as null. */
function bodyOf(v: Values) {
  return {
    name: v.name.trim(),
    description: v.description.trim(),
    motives: MOTIVES.filter((m) => v.motives.includes(m)),
    categoryId: v.categoryId || null,
    impactIds: v.impactIds,
    assetIds: v.assetIds,
    advantageThemeId: v.advantageThemeId || null,
    pastPriority: (v.pastPriority || null) as 'low' | 'medium' | 'high' | null,
    futurePriority: (v.futurePriority || null) as 'low' | 'medium' | 'high' | null,
    riskTolerable: v.riskTolerable === 'unanswered' ? null : v.riskTolerable === 'yes',
    coreBusiness: v.coreBusiness,
    stageXKinds: STAGE_X_KINDS.filter((k) => v.stageXKinds.includes(k)),
    stageXPlan: v.stageXPlan.trim() || null,
  };
}

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

function MotivesIntro() {
  const { t } = useTranslation();
  return (
    <>
      {t('workloads.sections.motivesHint')} <Citation source="000_2afa2b1b220c6436.txt III.3" />
    </>
  );
}

/** III.3.1: the six categories, with the seed's examples. */
function CategorySection({ reference, value, onChange, error }: { reference: TWorkloadReference; value: string; onChange: (v: string) => void; error?: ReactNode }) {
  const { t } = useTranslation();
  const { locale } = useLocaleAndZone();
  return (
    <SectionCard id="category" title={t('workloads.sections.category')} description={t('workloads.sections.categoryHint')}>
      <Radio.Group label={t('workloads.fields.category')} value={value} onChange={onChange} error={error}>
        <Stack gap="sm" mt="xs">
          {reference.categories.map((c) => (
            <Radio
              key={c.id}
              value={c.id}
              label={`${circled(c.number)} ${pick(c.name, locale)}`}
              description={c.examples.map((e) => pick(e, locale)).join(' / ') || undefined}
            />
          ))}
          <Radio value="" label={t('workloads.noCategory')} />
        </Stack>
      </Radio.Group>
      <Group mt="sm">
        <Citation source={reference.categories[0]?.source[0]?.replace(/ ①$/, '') ?? '000_2afa2b1b220c6436.txt III.3.1'} />
      </Group>
    </SectionCard>
  );
}

const circled = (n: number | null) => (n !== null && n >= 1 && n <= 20 ? String.fromCodePoint(0x2460 + n - 1) : '');

/** III.3.2 表5: what each risk category means for the provider, the user and the user's customers; the rows that apply are ticked. */
function ImpactSection({ reference, value, onChange }: { reference: TWorkloadReference; value: string[]; onChange: (v: string[]) => void }) {
  const { t } = useTranslation();
  const { locale } = useLocaleAndZone();
  const selected = new Set(value);
  const toggle = (id: string, on: boolean) => onChange(reference.impacts.map((i) => i.id).filter((x) => (x === id ? on : selected.has(x))));
  return (
    <SectionCard id="impacts" title={t('workloads.sections.impacts')} description={t('workloads.sections.impactsHint')}>
      <div className="table-scroll">
        <Table verticalSpacing="xs" withTableBorder withColumnBorders data-testid="table5">
          <Table.Caption>{t('workloads.table5Caption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('workloads.table5.category')}</Table.Th>
              <Table.Th scope="col">{t('workloads.table5.provider')}</Table.Th>
              <Table.Th scope="col">{t('workloads.table5.user')}</Table.Th>
              <Table.Th scope="col">{t('workloads.table5.customer')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {reference.impacts.map((i) => (
              <Table.Tr key={i.id} bg={selected.has(i.id) ? 'var(--mantine-color-blue-0)' : undefined}>
                <Table.Th scope="row" fw={500}>
                  <Checkbox
                    label={pick(i.name, locale)}
                    checked={selected.has(i.id)}
                    onChange={(e) => toggle(i.id, e.currentTarget.checked)}
                  />
                  {i.stageXKind ? (
                    <Badge size="xs" color="grape" variant="light" mt={4}>
                      {t('workloads.stageXBadge')}
                    </Badge>
                  ) : null}
                  {i.core ? (
                    <Badge size="xs" color="indigo" variant="light" mt={4}>
                      {t('workloads.coreBadge')}
                    </Badge>
                  ) : null}
                </Table.Th>
                <Table.Td>{pick(i.provider, locale)}</Table.Td>
                <Table.Td>{pick(i.user, locale)}</Table.Td>
                <Table.Td>{pick(i.customer, locale)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
      <Group mt="sm">
        <Citation source="000_2afa2b1b220c6436.txt III.3.2 表5" />
      </Group>
    </SectionCard>
  );
}

/** III.3.3: the assets the workload uses, and the ISMS view derived from them (rank, value, sensitivity). */
function AssetSection({ workload, value, onChange, error }: { workload: TWorkload | null; value: string[]; onChange: (v: string[]) => void; error?: ReactNode }) {
  const { t } = useTranslation();
  const { locale } = useLocaleAndZone();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const choices = useAssetChoices(debounced);
  const known = useMemo(() => {
    const m = new Map<string, string>();
    for (const a of workload?.assets ?? []) m.set(a.id, `${a.name}(${t('workloads.rank', { rank: a.rank })})`);
    for (const a of choices.data ?? []) m.set(a.id, `${a.name}(${t('workloads.rank', { rank: a.rank })})`);
    return m;
  }, [workload, choices.data, t]);
  const [labels, setLabels] = useState(new Map<string, string>());
  useEffect(() => setLabels((prev) => new Map([...prev, ...known])), [known]);
  const data = [...labels].map(([id, label]) => ({ value: id, label }));
  const isms = workload?.isms;
  return (
    <SectionCard id="assets" title={t('workloads.sections.assets')} description={t('workloads.sections.assetsHint')}>
      <Stack gap="md">
        <MultiSelect
          label={t('workloads.fields.assets')}
          placeholder={t('workloads.assetSearch')}
          data={data}
          value={value}
          onChange={onChange}
          searchable
          searchValue={search}
          onSearchChange={setSearch}
          filter={({ options }) => options}
          nothingFoundMessage={choices.isFetching ? t('common.loading') : t('common.nothingFound')}
          error={error ?? (choices.error ? toApiError(choices.error).title : undefined)}
          maxValues={1000}
          hidePickedOptions
          clearable
        />
        {workload && isms ? (
          <Paper withBorder p="md" bg="gray.0">
            <Title order={3} fz="sm" mb="xs">
              {t('workloads.isms.title')}
            </Title>
            {isms.assetCount ? (
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
                <KeyValue label={t('workloads.isms.assetCount')}>{t('workloads.isms.count', { count: isms.assetCount })}</KeyValue>
                <KeyValue label={t('workloads.isms.highestRank')}>{isms.highestRank ?? '—'}</KeyValue>
                <KeyValue label={t('workloads.isms.ranks')}>{`A ${isms.rankCounts.A} / B ${isms.rankCounts.B} / C ${isms.rankCounts.C}`}</KeyValue>
                <KeyValue label={t('workloads.isms.totalValue')}>{formatYen(isms.totalValueYen, locale)}</KeyValue>
                <KeyValue label={t('workloads.isms.share')}>{isms.shareOfInventoryPercent === null ? '—' : `${isms.shareOfInventoryPercent}%`}</KeyValue>
                <KeyValue label={t('workloads.isms.sensitivity')}>
                  {t('workloads.isms.sensitivityCounts', { ...isms.sensitivityCounts })}
                </KeyValue>
                <KeyValue label={t('workloads.isms.personal')}>{t('workloads.isms.count', { count: isms.personalDataCount })}</KeyValue>
              </SimpleGrid>
            ) : (
              <Text size="sm" c="dimmed">
                {t('workloads.isms.none')}
              </Text>
            )}
            <Group mt="xs">
              <Citation source="000_2afa2b1b220c6436.txt III.3.3" />
            </Group>
          </Paper>
        ) : (
          <Text size="sm" c="dimmed">
            {t('workloads.isms.afterSave')}
          </Text>
        )}
      </Stack>
    </SectionCard>
  );
}

/** III.3.4 表6: the theme of the company's advantage, the seed's past and future priority, and the organisation's own. */
function AdvantageSection({ reference, form }: { reference: TWorkloadReference; form: ReturnType<typeof useForm<Values>> }) {
  const { t } = useTranslation();
  const { locale } = useLocaleAndZone();
  const priorityOptions = [{ value: '', label: t('workloads.priority.none') }, ...PRIORITIES.map((p) => ({ value: p, label: t(`workloads.priority.${p}`) }))];
  return (
    <SectionCard id="advantage" title={t('workloads.sections.advantage')} description={t('workloads.sections.advantageHint')}>
      <Radio.Group label={t('workloads.fields.advantageTheme')} {...form.getInputProps('advantageThemeId')}>
        <div className="table-scroll">
          <Table verticalSpacing="xs" withTableBorder withColumnBorders mt="xs" data-testid="table6">
            <Table.Caption>{t('workloads.table6Caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('workloads.table6.theme')}</Table.Th>
                <Table.Th scope="col">{t('workloads.table6.examples')}</Table.Th>
                <Table.Th scope="col">{t('workloads.table6.past')}</Table.Th>
                <Table.Th scope="col">{t('workloads.table6.future')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {reference.advantageThemes.map((a) => (
                <Table.Tr key={a.id} bg={form.values.advantageThemeId === a.id ? 'var(--mantine-color-blue-0)' : undefined}>
                  <Table.Th scope="row" fw={500}>
                    <Radio value={a.id} label={pick(a.name, locale)} />
                  </Table.Th>
                  <Table.Td>
                    {pick(a.examples, locale)}
                    {a.detail ? (
                      <Text size="xs" c="dimmed">
                        {pick(a.detail, locale)}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>{pick(a.pastPriority, locale)}</Table.Td>
                  <Table.Td>{pick(a.futurePriority, locale)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
        <Radio value="" label={t('workloads.noTheme')} mt="xs" />
      </Radio.Group>
      <Group grow mt="md" align="flex-start">
        <NativeSelect label={t('workloads.fields.pastPriority')} data={priorityOptions} {...form.getInputProps('pastPriority')} />
        <NativeSelect label={t('workloads.fields.futurePriority')} data={priorityOptions} {...form.getInputProps('futurePriority')} />
      </Group>
      <Group mt="sm">
        <Citation source="000_2afa2b1b220c6436.txt III.3.4 表6" />
      </Group>
    </SectionCard>
  );
}

/** The verdict against the current stage, and every reason behind it with its source. */
function VerdictCard({ workload, reference }: { workload: TWorkload; reference: TWorkloadReference }) {
  const { t } = useTranslation();
  const { locale } = useLocaleAndZone();
  const stageName = useStageName(reference);
  const a = workload.assessment;
  const impactName = new Map(reference.impacts.map((i) => [i.id, pick(i.name, locale)]));
  const assetName = new Map(workload.assets.map((x) => [x.id, x.name]));
  const text = (r: TWorkloadReason) =>
    t(`workloads.reasons.${r.code}`, {
      stage: r.stage ? stageName(r.stage) : '',
      kinds: joinList((r.kinds ?? []).map((k) => t(`workloads.stageXKind.${k}`)), locale),
      motives: joinList((r.motives ?? []).map((m) => t(`workloads.motive.${m}`)), locale),
      rows: joinList((r.refs ?? []).map((id) => impactName.get(id) ?? id), locale),
      assets: joinList((r.assetIds ?? []).map((id) => assetName.get(id) ?? id), locale),
    });
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="verdict-heading" data-testid="verdict">
      <Group justify="space-between" align="flex-start" mb="sm">
        <Title order={2} fz="h3" id="verdict-heading">
          {t('workloads.verdictTitle')}
        </Title>
        <VerdictBadge verdict={a.verdict} />
      </Group>
      <Group gap="xl" mb="md" wrap="wrap">
        <KeyValue label={t('workloads.currentStageLabel')}>{stageName(a.currentStage)}</KeyValue>
        <KeyValue label={t('workloads.earliestStage')}>{stageName(a.earliestStage)}</KeyValue>
        {a.sensitive ? <Badge color="grape">{t('workloads.sensitiveBadge')}</Badge> : null}
        {a.recommendedNow ? <Badge color="teal">{t('workloads.recommendedBadge')}</Badge> : null}
      </Group>
      {a.verdict === 'needsStageXPlan' ? (
        <Alert color="orange" variant="light" mb="md" title={t('workloads.planNeededTitle')}>
          {t('workloads.planNeeded')}
        </Alert>
      ) : null}
      <ReasonList label={t('workloads.reasonsLabel')} items={a.reasons.map((r, i) => ({ key: `${r.code}-${i}`, tone: r.tone, text: text(r), source: r.source }))} />
    </Paper>
  );
}
