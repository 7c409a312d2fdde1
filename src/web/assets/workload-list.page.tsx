import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { toApiError } from '../api/api-client.ts';
import { SectionLoader } from '../components/full-page-loader.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { ProblemAlert } from '../components/problem-alert.tsx';
import { useLocaleAndZone } from '../i18n/use-locale-and-zone.ts';
import { useOrganisationSession } from '../platform/auth/session.query.ts';
import { formatYen, joinList, NO_ELLIPSIS, pick, useStageName, VerdictBadge } from './workload-labels.tsx';
import { useWorkloadReference, useWorkloads } from './workload.query.ts';

/** Workloads (対象業務) with the stage each belongs to and whether it may move now (seed 000 III). */
export function WorkloadListPage() {
  const { t } = useTranslation();
  const { locale } = useLocaleAndZone();
  const session = useOrganisationSession();
  const canWrite = session.organisation.can['assets.write'];
  const workloads = useWorkloads();
  const reference = useWorkloadReference();
  const stageLabel = useStageName(reference.data);
  const categories = new Map((reference.data?.categories ?? []).map((c) => [c.id, c]));
  const items = workloads.data?.items ?? [];
  const currentStage = workloads.data?.currentStage ?? null;
  const recommended = items.filter((w) => w.assessment.recommendedNow).length;

  return (
    <>
      <PageHeader
        title={t('workloads.title')}
        description={t('workloads.description')}
        actions={
          canWrite ? (
            <Button component={Link} to="/workloads/new">
              {t('workloads.new')}
            </Button>
          ) : null
        }
      />
      <Stack gap="lg">
        <ProblemAlert problem={workloads.error ? toApiError(workloads.error) : null} />
        {workloads.isPending ? <SectionLoader /> : null}
        {workloads.data ? (
          <Alert color={currentStage === null ? 'orange' : 'blue'} variant="light" title={t('workloads.currentStage', { stage: stageLabel(currentStage) })}>
            <Text size="sm">{currentStage === null ? t('workloads.noStageHint') : t(`workloads.stageGuide.s${currentStage}`)}</Text>
            {items.length && (currentStage === '1' || currentStage === '2') ? (
              <Text size="sm" mt={4}>
                {t('workloads.recommendedCount', { count: recommended })}
              </Text>
            ) : null}
          </Alert>
        ) : null}
        {workloads.data && !items.length ? (
          <Paper withBorder p="lg">
            <Text>{t('workloads.empty')}</Text>
          </Paper>
        ) : null}
        {items.length ? (
          <Paper withBorder p="lg" component="section" aria-label={t('workloads.listTitle')}>
            <div className="table-scroll">
              <Table verticalSpacing="sm" striped highlightOnHover>
                <Table.Caption className="visually-hidden">{t('workloads.listTitle')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('workloads.fields.name')}</Table.Th>
                    <Table.Th scope="col">{t('workloads.fields.category')}</Table.Th>
                    <Table.Th scope="col">{t('workloads.fields.motives')}</Table.Th>
                    <Table.Th scope="col">{t('workloads.earliestStage')}</Table.Th>
                    <Table.Th scope="col">{t('workloads.verdictTitle')}</Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('workloads.isms.totalValue')}
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((w) => {
                    const category = w.categoryId ? categories.get(w.categoryId) : undefined;
                    return (
                      <Table.Tr key={w.id} data-testid="workload-row">
                        <Table.Td fw={500} miw={160}>
                          <Anchor component={Link} to={`/workloads/${w.id}`}>
                            {w.name}
                          </Anchor>
                          <Group gap={4} mt={4}>
                            {w.assessment.sensitive ? (
                              <Badge size="xs" color="grape" variant="light" styles={NO_ELLIPSIS}>
                                {t('workloads.sensitiveBadge')}
                              </Badge>
                            ) : null}
                            {w.assessment.recommendedNow ? (
                              <Badge size="xs" color="teal" variant="outline" styles={NO_ELLIPSIS}>
                                {t('workloads.recommendedBadge')}
                              </Badge>
                            ) : null}
                          </Group>
                        </Table.Td>
                        <Table.Td>{category ? `${category.number ?? ''} ${pick(category.name, locale)}` : <Text c="dimmed">—</Text>}</Table.Td>
                        <Table.Td>{w.motives.length ? joinList(w.motives.map((m) => t(`workloads.motive.${m}`)), locale) : <Text c="dimmed">—</Text>}</Table.Td>
                        <Table.Td>{stageLabel(w.assessment.earliestStage)}</Table.Td>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>
                          <VerdictBadge verdict={w.assessment.verdict} />
                        </Table.Td>
                        <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>{formatYen(w.isms.totalValueYen, locale)}</Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </div>
          </Paper>
        ) : null}
      </Stack>
    </>
  );
}
