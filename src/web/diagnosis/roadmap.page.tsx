import { Button, Group, NumberInput, Paper, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TRoadmap } from '../../shared/schemas/roadmap.schema.ts';
import { YEN_MAX } from '../../shared/schemas/organisation-profile.schema.ts';
import { toApiError, type ApiError } from '../api/api-client.ts';
import { SectionLoader } from '../components/full-page-loader.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { ProblemAlert, ReloadLatestButton } from '../components/problem-alert.tsx';
import { SectionCard } from '../components/section-card.tsx';
import { useLocaleAndZone } from '../i18n/use-locale-and-zone.ts';
import { ExportLinks } from '../platform/register/register-list.tsx';
import { formatYen, formatYenRange, pick, StageBadge } from './diagnosis-labels.tsx';
import { useRoadmap, useSetBudget } from './diagnosis.query.ts';
import { TimeInStage } from './stage-widgets.tsx';
import { TASK_COLUMN_WIDTHS, TASK_COLUMNS, TaskRow } from './task-row.tsx';

const BudgetChart = lazy(() => import('./charts/budget-chart.tsx'));
type RoadmapStage = TRoadmap['stages'][number];

function Budget({ s, roadmap, onProblem }: { s: RoadmapStage; roadmap: TRoadmap; onProblem: (p: ApiError | null) => void }) {
  const { t } = useTranslation();
  const { locale } = useLocaleAndZone();
  const setBudget = useSetBudget();
  const [value, setValue] = useState<number | string>(s.budget.budgetYen ?? '');
  useEffect(() => setValue(s.budget.budgetYen ?? ''), [s.budget.budgetYen]);
  const stageName = pick(s.name, locale);
  return (
    <Stack gap="xs">
      <Text size="sm">
        {s.budget.guide ? t('diagnosis.roadmap.guide', { range: formatYenRange(s.budget.guide, locale) }) : t('diagnosis.roadmap.noGuide')}
        {' '}
        {s.budget.budgetYen !== null ? t('diagnosis.roadmap.planned', { amount: formatYen(s.budget.budgetYen, locale) }) : null}
      </Text>
      {s.budget.status !== 'no-guide' ? (
        <Text size="sm" fw={600} c={s.budget.status === 'within' ? 'teal.8' : s.budget.status === 'not-entered' ? 'dimmed' : 'orange.9'} data-testid={`budget-status-${s.stage}`}>
          {t(`diagnosis.roadmap.budgetStatus.${s.budget.status}`)}
        </Text>
      ) : null}
      {s.budget.guide ? (
        <Suspense fallback={<SectionLoader />}>
          <BudgetChart budgetYen={s.budget.budgetYen} guide={s.budget.guide} stageName={stageName} />
        </Suspense>
      ) : null}
      {roadmap.can.setBudget ? (
        <Group align="flex-end" gap="xs">
          <NumberInput
            label={t('diagnosis.roadmap.budgetFor', { stage: stageName })}
            value={value}
            onChange={setValue}
            min={0}
            max={YEN_MAX}
            allowDecimal={false}
            allowNegative={false}
            thousandSeparator=","
            suffix={locale === 'ja' ? ' 円' : ''}
            prefix={locale === 'en' ? '¥' : undefined}
            w={240}
          />
          <Button
            variant="light"
            loading={setBudget.isPending}
            disabled={value === '' || Number(value) === s.budget.budgetYen}
            onClick={() => {
              onProblem(null);
              setBudget.mutate({ stage: s.stage, budgetYen: Number(value), version: s.budget.version }, { onError: (e) => onProblem(toApiError(e)) });
            }}
          >
            {t('diagnosis.roadmap.saveBudget')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}

/** The roadmap: the practice items of the current and the next stage as tasks, with time and budget. */
export function RoadmapPage() {
  const { t } = useTranslation();
  const { locale, timeZone } = useLocaleAndZone();
  const roadmap = useRoadmap();
  const [problem, setProblem] = useState<ApiError | null>(null);
  const r = roadmap.data;
  if (roadmap.isPending) return <SectionLoader />;
  if (!r) return <ProblemAlert problem={toApiError(roadmap.error)} />;
  return (
    <>
      <PageHeader title={t('diagnosis.roadmap.title')} description={t('diagnosis.roadmap.description')} actions={<ExportLinks href="/api/v1/roadmap/export" />} />
      <SimpleGrid cols={{ base: 2, sm: 4 }} mb="lg" spacing="sm">
        {(['open', 'overdue', 'done', 'notApplicable'] as const).map((k) => (
          <Paper key={k} withBorder p="sm" data-testid={`summary-${k}`}>
            <Text size="xs" c="dimmed">
              {t(`diagnosis.roadmap.summary.${k}`)}
            </Text>
            <Text fz={28} fw={700} c={k === 'overdue' && r.summary.overdue ? 'red.8' : undefined}>
              {r.summary[k]}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
      <ProblemAlert problem={problem} mb="md" onClose={() => setProblem(null)} />
      <ReloadLatestButton problem={problem} mb="md" onReload={() => { setProblem(null); void roadmap.refetch(); }} />
      <Stack gap="lg">
        {r.stages.map((s) => (
          <SectionCard key={s.stage} id={`roadmap-stage-${s.stage}`} title={`${pick(s.name, locale)}`} description={t(`diagnosis.roadmap.role.${s.role}`)}>
            <Stack gap="md">
              <Group gap="xl" align="flex-start" wrap="wrap">
                <Stack gap={6} miw={260} style={{ flex: 1 }}>
                  <Group gap="xs">
                    <StageBadge stage={s.stage} t={t} />
                    <Text size="sm">{s.minDurationMonths ? t('diagnosis.stages.minimum', { months: s.minDurationMonths }) : null}</Text>
                  </Group>
                  {s.time ? <TimeInStage time={s.time} t={t} locale={locale} timeZone={timeZone} /> : null}
                </Stack>
                <Stack gap={6} miw={300} style={{ flex: 1 }}>
                  <Budget s={s} roadmap={r} onProblem={setProblem} />
                </Stack>
              </Group>
              {/* Narrower than a laptop screen it scrolls rather than squeezing the inputs. */}
              <Table.ScrollContainer minWidth={860}>
                <Table striped withTableBorder fz="sm" verticalSpacing="xs" layout="fixed">
                  <Table.Thead>
                    <Table.Tr>
                      {TASK_COLUMNS.map((c) => (
                        <Table.Th key={c} w={TASK_COLUMN_WIDTHS[c]}>
                          {t(`diagnosis.roadmap.${c}`)}
                        </Table.Th>
                      ))}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {s.items.map((row) => (
                      <TaskRow key={row.item.id} row={row} roadmap={r} />
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Stack>
          </SectionCard>
        ))}
      </Stack>
    </>
  );
}
