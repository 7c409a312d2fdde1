import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type TAssetImport } from '../../shared/schemas/asset.schema.ts';
import { type ApiError, toApiError } from '../api/api-client.ts';
import { ColumnHeads } from '../components/data-table.tsx';
import { ProblemAlert, SuccessMessage } from '../components/problem-alert.tsx';
import { formatDateTime } from '../i18n/format.ts';
import { useLocaleAndZone } from '../i18n/use-locale-and-zone.ts';
import { useAssetLabels } from './asset-labels.ts';
import { type TImportIssuePage, useCancelImport, useCommitImport, useImportIssues, useRecentImports } from './asset.query.ts';

/** Upload limit shown to the user (the server enforces it, src/server/assets/asset-import.service.ts). */

// The asset import's check step and results: the preview, the issue lists, the committed import, recent imports.

const PREVIEW_FIELDS = ['name', 'medium', 'owner', 'records', 'rank', 'unitValueThousandYen'] as const;

export function PreviewStep({ imp, onChangeMapping }: { imp: TAssetImport; onChangeMapping: () => void }) {
  const { t } = useTranslation();
  const label = useAssetLabels(undefined);
  const issues = useImportIssues(imp.id, imp.errorCount + imp.noticeCount > 0);
  const commit = useCommitImport();
  const [problem, setProblem] = useState<ApiError | null>(null);
  const rows = imp.rowCount ?? 0;
  const all = issues.data?.pages.flatMap((p) => p.items) ?? [];
  const errors = all.filter((i) => i.severity === 'error');
  const notices = all.filter((i) => i.severity === 'notice');
  return (
    <Stack gap="lg">
      <Paper withBorder p="lg" component="section" aria-labelledby="import-preview-heading">
        <Title order={2} fz="h3" id="import-preview-heading" mb="sm">
          {t('assets.import.previewTitle')}
        </Title>
        {imp.problem ? (
          <Alert color="orange" variant="light" mb="sm">
            {imp.problem.message}
          </Alert>
        ) : null}
        <Text mb="xs">{t('assets.import.rows', { count: rows, formatted: label.count(rows) })}</Text>
        {imp.errorCount === 0 ? (
          <Alert color="teal" variant="light" data-testid="import-ok">
            {t('assets.import.noErrors', { formatted: label.count(rows) })}
          </Alert>
        ) : (
          <Alert color="red" variant="light" data-testid="import-errors">
            {t('assets.import.errors', { count: imp.errorCount, formatted: label.count(imp.errorCount) })}
          </Alert>
        )}
        {imp.newDepartments.length ? (
          <Alert color="blue" variant="light" mt="sm" data-testid="import-new-departments" title={t('assets.import.newDepartmentsTitle', { count: imp.newDepartments.length })}>
            <Text size="sm" mb={4}>
              {t('assets.import.newDepartmentsHint')}
            </Text>
            <Group gap={6}>
              {imp.newDepartments.map((d) => (
                <Badge key={d} variant="outline" color="blue" tt="none">
                  {d}
                </Badge>
              ))}
            </Group>
          </Alert>
        ) : null}
        {imp.preview?.length ? (
          <>
            <Title order={3} fz="h5" mt="md" mb="xs">
              {t('assets.import.previewRows', { count: imp.preview.length })}
            </Title>
            <div className="table-scroll">
              <Table striped data-testid="import-preview">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('assets.import.row')}</Table.Th>
                    <Table.Th scope="col">{t('assets.import.valid')}</Table.Th>
                    {PREVIEW_FIELDS.map((f) => (
                      <Table.Th key={f} scope="col">
                        {t(`assets.fields.${f}`)}
                      </Table.Th>
                    ))}
                    <Table.Th scope="col" ta="right">
                      {t('assets.fields.totalValue')}
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {imp.preview.map((r) => (
                    <Table.Tr key={r.rowNumber}>
                      <Table.Td className="mono">{r.rowNumber}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        <Badge color={r.valid ? 'teal' : 'red'} variant="light" styles={{ root: { minWidth: 'max-content', overflow: 'visible' }, label: { overflow: 'visible', textOverflow: 'clip' } }}>
                          {r.valid ? t('assets.import.ok') : t('assets.import.ng')}
                        </Badge>
                      </Table.Td>
                      {PREVIEW_FIELDS.map((f) => (
                        <Table.Td key={f}>{r.values[f] ?? ''}</Table.Td>
                      ))}
                      <Table.Td ta="right" className="mono">
                        {r.values.totalValueYen ? label.amount(r.values.totalValueYen) : ''}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </div>
          </>
        ) : null}
      </Paper>
      {imp.errorCount > 0 ? <IssueTable id="import-issues" title={t('assets.import.issuesTitle')} items={errors} /> : null}
      {imp.noticeCount > 0 ? <IssueTable id="import-notices" title={t('assets.import.noticesTitle')} hint={t('assets.import.noticesHint')} items={notices} /> : null}
      {issues.hasNextPage ? (
        <Button variant="default" onClick={() => void issues.fetchNextPage()} loading={issues.isFetchingNextPage} style={{ alignSelf: 'flex-start' }}>
          {t('assets.import.moreIssues')}
        </Button>
      ) : null}
      <ProblemAlert problem={problem} />
      <Group>
        {imp.errorCount === 0 ? (
          <Button
            onClick={() => commit.mutate({ id: imp.id, body: { version: imp.version } }, { onError: (e) => setProblem(toApiError(e)) })}
            loading={commit.isPending}
            data-testid="import-commit"
          >
            {t('assets.import.commit', { count: rows, formatted: label.count(rows) })}
          </Button>
        ) : null}
        <Button variant="default" onClick={onChangeMapping}>
          {t('assets.import.changeMapping')}
        </Button>
        <CancelButton imp={imp} />
      </Group>
    </Stack>
  );
}

export function CancelButton({ imp }: { imp: TAssetImport }) {
  const { t } = useTranslation();
  const cancel = useCancelImport();
  return (
    <Button variant="subtle" color="red" loading={cancel.isPending} onClick={() => cancel.mutate({ id: imp.id, body: { version: imp.version } })}>
      {t('assets.import.cancel')}
    </Button>
  );
}

export function Committed({ imp }: { imp: TAssetImport }) {
  const { t } = useTranslation();
  const label = useAssetLabels(undefined);
  const n = imp.committedCount ?? 0;
  return (
    <Stack gap="sm">
      <SuccessMessage message={t('assets.import.committed', { count: n, formatted: label.count(n) })} />
      <Group>
        <Button component={Link} to="/assets">
          {t('assets.actions.back')}
        </Button>
        <Button component={Link} to="/assets/import" variant="default">
          {t('assets.import.another')}
        </Button>
      </Group>
    </Stack>
  );
}

export function RecentImports() {
  const { t } = useTranslation();
  const { locale, timeZone } = useLocaleAndZone();
  const recent = useRecentImports();
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="import-recent-heading">
      <Title order={2} fz="h3" id="import-recent-heading" mb="sm">
        {t('assets.import.recent')}
      </Title>
      <ProblemAlert problem={recent.error ? toApiError(recent.error) : null} />
      {recent.data && !recent.data.length ? <Text c="dimmed">{t('assets.import.recentEmpty')}</Text> : null}
      {recent.data?.length ? (
        <Table data-testid="import-recent">
          <Table.Tbody>
            {recent.data.map((i) => (
              <Table.Tr key={i.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/assets/import/${i.id}`}>
                    {i.fileName}
                  </Anchor>
                </Table.Td>
                <Table.Td>{formatDateTime(i.createdAt, locale, timeZone)}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={i.status === 'committed' ? 'teal' : i.status === 'failed' ? 'red' : 'blue'}>
                    {t(`assets.import.statuses.${i.status}`)}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
    </Paper>
  );
}

/** The check step's list of errors (the file is refused) or notices (it still imports). */
export function IssueTable({ id, title, hint, items }: { id: string; title: string; hint?: string; items: TImportIssuePage['items'] }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby={`${id}-heading`}>
      <Title order={2} fz="h3" id={`${id}-heading`} mb="sm">
        {title}
      </Title>
      {hint ? (
        <Text size="sm" c="dimmed" mb="sm">
          {hint}
        </Text>
      ) : null}
      <div className="table-scroll">
        <Table striped data-testid={id}>
          <ColumnHeads headings={[t('assets.import.issueRow'), t('assets.import.issueColumn'), t('assets.import.issueMessage')]} />
          <Table.Tbody>
            {items.map((i) => (
              <Table.Tr key={i.seq}>
                <Table.Td className="mono">{i.rowNumber ?? t('assets.import.fileLevel')}</Table.Td>
                <Table.Td>{i.header || (i.field ? t(`assets.fields.${i.field}`) : '')}</Table.Td>
                <Table.Td>{i.message}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
    </Paper>
  );
}
