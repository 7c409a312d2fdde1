import { Alert, Badge, Checkbox, Group, NativeSelect, Paper, Radio, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PRIORITIES, type TWorkloadReason } from '../../shared/schemas/workload.schema.ts';
import { ColumnHeads } from '../components/data-table.tsx';
import { SectionCard } from '../components/section-card.tsx';
import { useLocaleAndZone } from '../i18n/use-locale-and-zone.ts';
import { AssetPicker } from './link-pickers.tsx';
import type { Values } from './workload-form.values.ts';
import { Citation, formatYen, joinList, KeyValue, pick, ReasonList, useStageName, VerdictBadge } from './workload-labels.tsx';
import { type TWorkload, type TWorkloadReference } from './workload.query.ts';

// The sections of the workload form (workload-form.page.tsx): the seed's four selection procedures and the verdict.

export function MotivesIntro() {
  const { t } = useTranslation();
  return (
    <>
      {t('workloads.sections.motivesHint')} <Citation source="000_2afa2b1b220c6436.txt III.3" />
    </>
  );
}

/** III.3.1: the six categories, with the seed's examples. */
export function CategorySection({ reference, value, onChange, error }: { reference: TWorkloadReference; value: string; onChange: (v: string) => void; error?: ReactNode }) {
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
export function ImpactSection({ reference, value, onChange }: { reference: TWorkloadReference; value: string[]; onChange: (v: string[]) => void }) {
  const { t } = useTranslation();
  const { locale } = useLocaleAndZone();
  const selected = new Set(value);
  const toggle = (id: string, on: boolean) => onChange(reference.impacts.map((i) => i.id).filter((x) => (x === id ? on : selected.has(x))));
  return (
    <SectionCard id="impacts" title={t('workloads.sections.impacts')} description={t('workloads.sections.impactsHint')}>
      <div className="table-scroll">
        <Table verticalSpacing="xs" withTableBorder withColumnBorders data-testid="table5">
          <Table.Caption>{t('workloads.table5Caption')}</Table.Caption>
          <ColumnHeads headings={[t('workloads.table5.category'), t('workloads.table5.provider'), t('workloads.table5.user'), t('workloads.table5.customer')]} />
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
export function AssetSection({ workload, value, onChange, error }: { workload: TWorkload | null; value: string[]; onChange: (v: string[]) => void; error?: ReactNode }) {
  const { t } = useTranslation();
  const { locale } = useLocaleAndZone();
  const isms = workload?.isms;
  return (
    <SectionCard id="assets" title={t('workloads.sections.assets')} description={t('workloads.sections.assetsHint')}>
      <Stack gap="md">
        <AssetPicker label={t('workloads.fields.assets')} linked={workload?.assets} withRank value={value} onChange={onChange} error={error} maxValues={1000} />
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
export function AdvantageSection({ reference, form }: { reference: TWorkloadReference; form: ReturnType<typeof useForm<Values>> }) {
  const { t } = useTranslation();
  const { locale } = useLocaleAndZone();
  const priorityOptions = [{ value: '', label: t('workloads.priority.none') }, ...PRIORITIES.map((p) => ({ value: p, label: t(`workloads.priority.${p}`) }))];
  return (
    <SectionCard id="advantage" title={t('workloads.sections.advantage')} description={t('workloads.sections.advantageHint')}>
      <Radio.Group label={t('workloads.fields.advantageTheme')} {...form.getInputProps('advantageThemeId')}>
        <div className="table-scroll">
          <Table verticalSpacing="xs" withTableBorder withColumnBorders mt="xs" data-testid="table6">
            <Table.Caption>{t('workloads.table6Caption')}</Table.Caption>
            <ColumnHeads headings={[t('workloads.table6.theme'), t('workloads.table6.examples'), t('workloads.table6.past'), t('workloads.table6.future')]} />
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
export function VerdictCard({ workload, reference }: { workload: TWorkload; reference: TWorkloadReference }) {
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
