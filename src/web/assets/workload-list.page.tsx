import { Alert, Badge, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../components/page-header.tsx';
import { useLocaleAndZone } from '../i18n/use-locale-and-zone.ts';
import { useOrganisationSession } from '../platform/auth/session.query.ts';
import { ExportLinks, RegisterList } from '../platform/register/register-list.tsx';
import { nameColumn, type RegisterColumn } from '../platform/register/register-table.tsx';
import { formatYen, joinList, NO_ELLIPSIS, pick, useStageName, VerdictBadge } from './workload-labels.tsx';
import { type TWorkloadList, useWorkloadReference, useWorkloads } from './workload.query.ts';

type Row = TWorkloadList['items'][number];

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
  const dash = <Text c="dimmed">—</Text>;

  const columns: RegisterColumn<Row>[] = [
    nameColumn({
      key: 'name',
      header: t('workloads.fields.name'),
      path: '/workloads',
      name: (w) => w.name,
      minWidth: 160,
      below: (w) => (
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
      ),
    }),
    {
      key: 'category',
      header: t('workloads.fields.category'),
      cell: (w) => {
        const category = w.categoryId ? categories.get(w.categoryId) : undefined;
        return category ? `${category.number ?? ''} ${pick(category.name, locale)}` : dash;
      },
    },
    { key: 'motives', header: t('workloads.fields.motives'), cell: (w) => (w.motives.length ? joinList(w.motives.map((m) => t(`workloads.motive.${m}`)), locale) : dash) },
    { key: 'earliestStage', header: t('workloads.earliestStage'), cell: (w) => stageLabel(w.assessment.earliestStage) },
    { key: 'verdict', header: t('workloads.verdictTitle'), cellProps: { style: { whiteSpace: 'nowrap' } }, cell: (w) => <VerdictBadge verdict={w.assessment.verdict} /> },
    { key: 'totalValue', header: t('workloads.isms.totalValue'), numeric: true, cellProps: { style: { whiteSpace: 'nowrap' } }, cell: (w) => formatYen(w.isms.totalValueYen, locale) },
  ];

  return (
    <>
      <PageHeader
        title={t('workloads.title')}
        description={t('workloads.description')}
        actions={
          <>
            <ExportLinks href="/api/v1/workloads/export" />
            {canWrite ? (
              <Button component={Link} to="/workloads/new">
                {t('workloads.new')}
              </Button>
            ) : null}
          </>
        }
      />
      <RegisterList
        query={workloads}
        caption={t('workloads.listTitle')}
        empty={t('workloads.empty')}
        rows={items}
        columns={columns}
        rowTestId="workload-row"
        banner={
          <Alert color={currentStage === null ? 'orange' : 'blue'} variant="light" title={t('workloads.currentStage', { stage: stageLabel(currentStage) })}>
            <Text size="sm">{currentStage === null ? t('workloads.noStageHint') : t(`workloads.stageGuide.s${currentStage}`)}</Text>
            {items.length && (currentStage === '1' || currentStage === '2') ? (
              <Text size="sm" mt={4}>
                {t('workloads.recommendedCount', { count: recommended })}
              </Text>
            ) : null}
          </Alert>
        }
      />
    </>
  );
}
