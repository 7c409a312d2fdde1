import { Anchor, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { toApiError } from '../api/api-client.ts';
import { DataTable } from '../components/data-table.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { ProblemAlert } from '../components/problem-alert.tsx';
import { QueryState } from '../components/query-state.tsx';
import { formatDateTime } from '../i18n/format.ts';
import { useLocaleAndZone } from '../i18n/use-locale-and-zone.ts';
import { useIssueReport, useManagementReports } from './report.query.ts';

/** The management reports issued for the executive, newest first, and issuing the next one (owner and managers). */
export function ManagementListPage() {
  const { t } = useTranslation();
  const { locale, timeZone } = useLocaleAndZone();
  const navigate = useNavigate();
  const reports = useManagementReports();
  const issue = useIssueReport();
  const list = reports.data;
  return (
    <>
      <PageHeader title={t('reports.management.title')} description={t('reports.management.description')} />
      <Stack gap="md">
        {list?.can.issue ? (
          <Group>
            <Button loading={issue.isPending} onClick={() => issue.mutate(undefined, { onSuccess: (r) => void navigate(`/reports/management/${r.id}`) })} data-testid="issue-report">
              {t('reports.management.issue')}
            </Button>
            <Text size="sm" c="dimmed">
              {t('reports.management.issueHint')}
            </Text>
          </Group>
        ) : null}
        <ProblemAlert problem={issue.error ? toApiError(issue.error) : null} />
        <QueryState query={reports} empty={list && !list.items.length ? t('reports.management.empty') : null}>
          {list ? (
            <DataTable caption={t('reports.management.title')} columns={[t('reports.management.number'), t('reports.management.issuedAt'), t('reports.management.issuedBy'), t('reports.management.sha')]} data-testid="report-list">
              {list.items.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/reports/management/${r.id}`}>
                      {t('reports.management.numbered', { number: r.number })}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{formatDateTime(r.issuedAt, locale, timeZone)}</Table.Td>
                  <Table.Td>{r.issuedBy}</Table.Td>
                  <Table.Td>
                    <Text size="xs" ff="monospace">
                      {r.contentSha256.slice(0, 16)}…
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </DataTable>
          ) : null}
        </QueryState>
      </Stack>
    </>
  );
}
