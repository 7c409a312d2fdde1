import { Anchor, Badge, Button, Group, Paper, Progress, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { TChecklistSummary } from '../../shared/schemas/diagnosis.schema.ts';
import { toApiError, type ApiError } from '../api/api-client.ts';
import { ColumnHeads } from '../components/data-table.tsx';
import { SectionLoader } from '../components/full-page-loader.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { ProblemAlert } from '../components/problem-alert.tsx';
import { SectionCard } from '../components/section-card.tsx';
import { formatDate } from '../i18n/format.ts';
import { useLocaleAndZone } from '../i18n/use-locale-and-zone.ts';
import { citations, pick, stageLabel } from './diagnosis-labels.tsx';
import { DiagnosisResult } from './diagnosis-result.tsx';
import { useAssessmentHistory, useChecklists, useDiagnosis, useStartAssessment } from './diagnosis.query.ts';

const ScoreChart = lazy(() => import('./charts/score-chart.tsx'));

function ChecklistCard({ c, canAnswer, onProblem }: { c: TChecklistSummary; canAnswer: boolean; onProblem: (p: ApiError | null) => void }) {
  const { t } = useTranslation();
  const { locale, timeZone } = useLocaleAndZone();
  const navigate = useNavigate();
  const start = useStartAssessment();
  const [history, setHistory] = useState(false);
  const headingId = `checklist-${c.id.split(':').pop()}`;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId} data-testid="checklist-card">
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Title order={3} fz="h4" id={headingId}>
            {pick(c.name, locale)}
          </Title>
          <Badge variant="light" color="gray" radius="sm" tt="none" style={{ flexShrink: 0, overflow: 'visible' }}>
            {t('diagnosis.checklists.questions', { count: c.questionCount })}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {c.placesAtStage ? t('diagnosis.checklists.rulePlaces', { rule: t(`diagnosis.passRule.${c.passRule}`), stage: stageLabel(t, c.placesAtStage) }) : null}
          {c.readyForStage ? t('diagnosis.checklists.ruleReady', { rule: t(`diagnosis.passRule.${c.passRule}`), stage: stageLabel(t, c.readyForStage) }) : null}
          {!c.placesAtStage && !c.readyForStage ? t('diagnosis.checklists.ruleNone') : null}
        </Text>
        {c.latest ? (
          <Group gap="xs">
            <Text fw={700} data-testid="latest-score">
              {c.latest.score.text[locale]}
            </Text>
            <Text size="sm" c="dimmed">
              {t('diagnosis.checklists.submitted', { date: formatDate(c.latest.submittedAt, locale, timeZone), name: c.latest.submittedBy ?? '' })}
            </Text>
          </Group>
        ) : (
          <Text size="sm">{t('diagnosis.checklists.notYet')}</Text>
        )}
        {c.draft ? (
          <Stack gap={4}>
            <Text size="sm">{t('diagnosis.checklists.draft', { answered: c.draft.answered, total: c.draft.total })}</Text>
            <Progress value={(c.draft.answered / Math.max(1, c.draft.total)) * 100} size="sm" aria-label={t('diagnosis.checklists.draftProgress')} />
          </Stack>
        ) : null}
        <Group gap="xs" mt={4}>
          {c.draft ? (
            <Button component={Link} to={`/diagnosis/assessments/${c.draft.id}`} size="sm">
              {canAnswer ? t('diagnosis.checklists.continue') : t('diagnosis.checklists.viewDraft')}
            </Button>
          ) : canAnswer ? (
            <Button
              size="sm"
              loading={start.isPending}
              onClick={() => {
                onProblem(null);
                start.mutate({ checklistId: c.id }, { onSuccess: (a) => navigate(`/diagnosis/assessments/${a.id}`), onError: (e) => onProblem(toApiError(e)) });
              }}
            >
              {c.latest ? t('diagnosis.checklists.reassess') : t('diagnosis.checklists.start')}
            </Button>
          ) : null}
          {c.latest ? (
            <Button component={Link} to={`/diagnosis/assessments/${c.latest.id}`} size="sm" variant="default">
              {t('diagnosis.checklists.viewLatest')}
            </Button>
          ) : null}
          {c.submittedCount > 0 ? (
            <Button size="sm" variant="subtle" onClick={() => setHistory((v) => !v)} aria-expanded={history}>
              {t('diagnosis.checklists.history', { count: c.submittedCount })}
            </Button>
          ) : null}
        </Group>
        {history ? <History checklistId={c.id} /> : null}
        <Text size="xs" c="dimmed">
          {t('diagnosis.source', { source: citations(c.source, locale) })}
        </Text>
      </Stack>
    </Paper>
  );
}

function History({ checklistId }: { checklistId: string }) {
  const { t } = useTranslation();
  const { locale, timeZone } = useLocaleAndZone();
  const history = useAssessmentHistory(checklistId);
  const submitted = (history.data?.items ?? []).filter((a) => a.status === 'submitted');
  if (history.isPending) return <SectionLoader />;
  return (
    <Table fz="sm" withTableBorder>
      <ColumnHeads headings={[t('diagnosis.history.submittedAt'), t('diagnosis.history.by'), t('diagnosis.history.score'), t('common.actions')]} />
      <Table.Tbody>
        {submitted.map((a, i) => (
          <Table.Tr key={a.id}>
            <Table.Td>{formatDate(a.submittedAt, locale, timeZone)}</Table.Td>
            <Table.Td>{a.submittedBy}</Table.Td>
            <Table.Td>{a.score.text[locale]}</Table.Td>
            <Table.Td>
              <Group gap="xs">
                <Anchor component={Link} to={`/diagnosis/assessments/${a.id}`} size="sm">
                  {t('diagnosis.history.open')}
                </Anchor>
                {i < submitted.length - 1 ? (
                  <Anchor component={Link} to={`/diagnosis/assessments/${a.id}/compare?with=${submitted[i + 1].id}`} size="sm">
                    {t('diagnosis.history.compare')}
                  </Anchor>
                ) : null}
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** The diagnosis: the checklists to answer, then the result, explained. */
export function DiagnosisPage() {
  const { t } = useTranslation();
  const { locale } = useLocaleAndZone();
  const checklists = useChecklists();
  const diagnosis = useDiagnosis();
  const [problem, setProblem] = useState<ApiError | null>(null);
  const d = diagnosis.data;
  const anyAssessed = !!d?.checklists.some((c) => c.assessment);
  return (
    <>
      <PageHeader
        title={t('diagnosis.title')}
        description={t('diagnosis.description')}
        actions={
          anyAssessed ? (
            <Button component={Link} to="/diagnosis/report" variant="light">
              {t('diagnosis.openReport')}
            </Button>
          ) : null
        }
      />
      <ProblemAlert problem={problem ?? (checklists.error ? toApiError(checklists.error) : null) ?? (diagnosis.error ? toApiError(diagnosis.error) : null)} mb="md" onClose={problem ? () => setProblem(null) : undefined} />
      <Stack gap="lg">
        <SectionCard id="diagnosis-checklists" title={t('diagnosis.checklists.title')} description={t('diagnosis.checklists.description')}>
          {checklists.isPending ? (
            <SectionLoader />
          ) : (
            <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
              {checklists.data?.items.map((c) => <ChecklistCard key={c.id} c={c} canAnswer={checklists.data.can.answer} onProblem={setProblem} />)}
            </SimpleGrid>
          )}
        </SectionCard>
        <SectionCard id="diagnosis-result" title={t('diagnosis.result.title')} description={t('diagnosis.result.description')}>
          {diagnosis.isPending ? <SectionLoader /> : null}
          {d && !anyAssessed ? <Text>{t('diagnosis.result.none')}</Text> : null}
          {d && anyAssessed ? (
            <Stack gap="lg">
              <Suspense fallback={<SectionLoader />}>
                <ScoreChart scores={d.checklists.map((c) => ({ name: c.name, score: c.score }))} />
              </Suspense>
              <Text size="xs" c="dimmed">
                {d.checklists.map((c) => `${pick(c.name, locale)}: ${c.score.text[locale]}`).join(' / ')}
              </Text>
              <DiagnosisResult diagnosis={d} t={t} locale={locale} level={2} />
              <Group>
                <Button component={Link} to="/stages" variant="light">
                  {t('diagnosis.toStages')}
                </Button>
                <Button component={Link} to="/roadmap" variant="subtle">
                  {t('diagnosis.toRoadmap')}
                </Button>
              </Group>
            </Stack>
          ) : null}
        </SectionCard>
      </Stack>
    </>
  );
}
