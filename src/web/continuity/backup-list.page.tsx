import { Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SourceCitations } from '../catalog/source-citations.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { useOrganisationSession } from '../platform/auth/session.query.ts';
import { ExportLinks, RegisterList } from '../platform/register/register-list.tsx';
import { nameColumn, type RegisterColumn } from '../platform/register/register-table.tsx';
import { MissingPoints, RuleBadge } from './backup-labels.tsx';
import { type TBackupPlan, useBackupPlans } from './continuity.query.ts';

export const BACKUPS = '/continuity/backups';

/** バックアップ計画 (seed 004 「三重バックアップ設計」): each data set's plan against 3-2-1 and 3-2-1-1-0, and its latest restore test. */
export function BackupListPage() {
  const { t } = useTranslation();
  const canWrite = useOrganisationSession().organisation.can['continuity.write'];
  const plans = useBackupPlans();
  const data = plans.data;
  const f = (key: string) => t(`continuity.backups.fields.${key}`);
  const columns: RegisterColumn<TBackupPlan>[] = [
    nameColumn({ key: 'name', header: f('name'), path: BACKUPS, name: (p) => p.name, minWidth: 160 }),
    { key: 'frequency', header: f('frequency'), cellProps: { style: { whiteSpace: 'nowrap' } }, cell: (p) => t(`continuity.backups.frequency.${p.frequency}`) },
    { key: 'copies', header: f('copies'), cell: (p) => p.copies.length },
    {
      key: 'rules',
      header: t('continuity.backups.scoresTitle'),
      cellProps: { miw: 260 },
      cell: (p) => (
        <Stack gap={6}>
          {p.scores.map((s) => (
            <Stack key={s.ruleId} gap={2}>
              <div>
                <RuleBadge score={s} />
              </div>
              <MissingPoints score={s} />
            </Stack>
          ))}
        </Stack>
      ),
    },
    {
      key: 'restore',
      header: f('latestRestoreOn'),
      cellProps: { miw: 160 },
      cell: (p) => (p.latestRestore ? t('continuity.backups.latestRestore', { date: p.latestRestore.testedOn, minutes: p.latestRestore.durationMinutes, errors: p.latestRestore.errors }) : t('continuity.backups.noRestore')),
    },
  ];
  return (
    <>
      <PageHeader
        title={t('continuity.backups.title')}
        description={t('continuity.backups.description')}
        actions={
          <>
            <ExportLinks
              href="/api/v1/backup-plans/export"
              formats={[
                { format: 'csv', label: t('continuity.backups.exportCsv') },
                { format: 'xlsx', label: t('continuity.backups.exportXlsx') },
                { format: 'json', label: t('continuity.backups.exportJson') },
              ]}
            />
            {canWrite ? (
              <Button component={Link} to={`${BACKUPS}/new`}>
                {t('continuity.backups.new')}
              </Button>
            ) : null}
          </>
        }
      />
      <Stack gap="lg">
        <RegisterList
          query={plans}
          caption={t('continuity.backups.title')}
          empty={t('continuity.backups.empty')}
          banner={
            data && data.items.length ? (
              <Text data-testid="plans-summary">
                {[t('continuity.backups.summary', { plans: data.summary.plans }), ...data.summary.rules.map((r) => t('continuity.backups.ruleSummary', r))].join(' ')}
              </Text>
            ) : null
          }
          rows={data?.items ?? []}
          columns={columns}
          rowTestId="plan-row"
        />
        {data?.items.some((p) => p.restoreTests.length) ? (
          <Group gap="xs" data-testid="restore-test-export">
            <Text size="sm">{t('continuity.backups.tests.exportTitle')}</Text>
            <ExportLinks href="/api/v1/backup-plans/export?table=restoreTests" formats={[{ format: 'csv', label: t('continuity.backups.exportCsv') }, { format: 'json', label: t('continuity.backups.exportJson') }]} />
          </Group>
        ) : null}
        {data ? <SourceCitations sources={data.source} size="xs" /> : null}
      </Stack>
    </>
  );
}
