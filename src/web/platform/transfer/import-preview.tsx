import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TImport, TImportIssuePage } from '../../../shared/schemas/import.schema.ts';
import { type ApiError, toApiError } from '../../api/api-client.ts';
import { ColumnHeads } from '../../components/data-table.tsx';
import { ProblemAlert, SuccessMessage } from '../../components/problem-alert.tsx';
import { formatDateTime, formatNumber } from '../../i18n/format.ts';
import { useLocaleAndZone } from '../../i18n/use-locale-and-zone.ts';
import { useImportWizard } from './import-wizard.spec.ts';
import { useImportIssues, useImportStep, useRecentImports } from './import.query.ts';

// The import wizard's check step and results: the preview, the issue lists, the committed import, recent imports.

/** Counts as the reader's language writes them (7, 20,000). */
function useCount() {
  const { locale } = useLocaleAndZone();
  return (n: number) => formatNumber(n, locale);
}

export function PreviewStep({ imp, onChangeMapping }: { imp: TImport; onChangeMapping: () => void }) {
  const { t } = useTranslation();
  const spec = useImportWizard();
  const count = useCount();
  const issues = useImportIssues(spec.api, imp.id, imp.errorCount + imp.noticeCount > 0);
  const commit = useImportStep(spec.api, 'commit', spec.refreshes);
  const [problem, setProblem] = useState<ApiError | null>(null);
  const rows = imp.rowCount ?? 0;
  const all = issues.data?.pages.flatMap((p) => p.items) ?? [];
  const errors = all.filter((i) => i.severity === 'error');
  const notices = all.filter((i) => i.severity === 'notice');
  return (
    <Stack gap="lg">
      <Paper withBorder p="lg" component="section" aria-labelledby="import-preview-heading">
        <Title order={2} fz="h3" id="import-preview-heading" mb="sm">
          {t('imports.previewTitle')}
        </Title>
        {imp.problem ? (
          <Alert color="orange" variant="light" mb="sm">
            {imp.problem.message}
          </Alert>
        ) : null}
        <Text mb="xs">{t('imports.rows', { count: rows, formatted: count(rows) })}</Text>
        {imp.errorCount === 0 ? (
          <Alert color="teal" variant="light" data-testid="import-ok">
            {t(`${spec.messages}.noErrors`, { formatted: count(rows) })}
          </Alert>
        ) : (
          <Alert color="red" variant="light" data-testid="import-errors">
            {t('imports.errors', { count: imp.errorCount, formatted: count(imp.errorCount) })}
          </Alert>
        )}
        {spec.extra?.(imp)}
        {imp.preview?.length ? <PreviewRows preview={imp.preview} /> : null}
      </Paper>
      {imp.errorCount > 0 ? <IssueTable id="import-issues" title={t('imports.issuesTitle')} items={errors} /> : null}
      {imp.noticeCount > 0 ? <IssueTable id="import-notices" title={t('imports.noticesTitle')} hint={t('imports.noticesHint')} items={notices} /> : null}
      {issues.hasNextPage ? (
        <Button variant="default" onClick={() => void issues.fetchNextPage()} loading={issues.isFetchingNextPage} style={{ alignSelf: 'flex-start' }}>
          {t('imports.moreIssues')}
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
            {t(`${spec.messages}.commit`, { count: rows, formatted: count(rows) })}
          </Button>
        ) : null}
        <Button variant="default" onClick={onChangeMapping}>
          {t('imports.changeMapping')}
        </Button>
        <CancelButton imp={imp} />
      </Group>
    </Stack>
  );
}

/** The first rows as they would be written, in the register's preview columns. */
function PreviewRows({ preview }: { preview: NonNullable<TImport['preview']> }) {
  const { t } = useTranslation();
  const spec = useImportWizard();
  return (
    <>
      <Title order={3} fz="h5" mt="md" mb="xs">
        {t('imports.previewRows', { count: preview.length })}
      </Title>
      <div className="table-scroll">
        <Table striped data-testid="import-preview">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('imports.row')}</Table.Th>
              <Table.Th scope="col">{t('imports.valid')}</Table.Th>
              {spec.preview.map((c) => (
                <Table.Th key={c.value} scope="col" ta={c.numeric ? 'right' : undefined}>
                  {t(`${spec.fieldLabels}.${c.label ?? c.value}`)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.map((r) => (
              <Table.Tr key={r.rowNumber}>
                <Table.Td className="mono">{r.rowNumber}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Badge color={r.valid ? 'teal' : 'red'} variant="light" styles={{ root: { minWidth: 'max-content', overflow: 'visible' }, label: { overflow: 'visible', textOverflow: 'clip' } }}>
                    {r.valid ? t('imports.ok') : t('imports.ng')}
                  </Badge>
                </Table.Td>
                {spec.preview.map((c) => {
                  const v = r.values[c.value];
                  return (
                    <Table.Td key={c.value} ta={c.numeric ? 'right' : undefined} className={c.numeric ? 'mono' : undefined}>
                      {v ? (c.show ? c.show(v) : v) : ''}
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
    </>
  );
}

export function CancelButton({ imp }: { imp: TImport }) {
  const { t } = useTranslation();
  const cancel = useImportStep(useImportWizard().api, 'cancel');
  return (
    <Button variant="subtle" color="red" loading={cancel.isPending} onClick={() => cancel.mutate({ id: imp.id, body: { version: imp.version } })}>
      {t('imports.cancel')}
    </Button>
  );
}

export function Committed({ imp }: { imp: TImport }) {
  const { t } = useTranslation();
  const spec = useImportWizard();
  const count = useCount();
  const n = imp.committedCount ?? 0;
  return (
    <Stack gap="sm" data-testid="import-committed">
      <SuccessMessage message={t(`${spec.messages}.committed`, { count: n, formatted: count(n) })} />
      <Group>
        <Button component={Link} to={spec.back.to}>
          {t(spec.back.label)}
        </Button>
        <Button component={Link} to={spec.path} variant="default">
          {t('imports.another')}
        </Button>
      </Group>
    </Stack>
  );
}

export function RecentImports() {
  const { t } = useTranslation();
  const spec = useImportWizard();
  const { locale, timeZone } = useLocaleAndZone();
  const recent = useRecentImports(spec.api);
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="import-recent-heading">
      <Title order={2} fz="h3" id="import-recent-heading" mb="sm">
        {t('imports.recent')}
      </Title>
      <ProblemAlert problem={recent.error ? toApiError(recent.error) : null} />
      {recent.data && !recent.data.length ? <Text c="dimmed">{t('imports.recentEmpty')}</Text> : null}
      {recent.data?.length ? (
        <Table data-testid="import-recent">
          <Table.Tbody>
            {recent.data.map((i) => (
              <Table.Tr key={i.id}>
                <Table.Td>
                  <Anchor component={Link} to={`${spec.path}/${i.id}`}>
                    {i.fileName}
                  </Anchor>
                </Table.Td>
                <Table.Td>{formatDateTime(i.createdAt, locale, timeZone)}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={i.status === 'committed' ? 'teal' : i.status === 'failed' ? 'red' : 'blue'}>
                    {t(`imports.statuses.${i.status}`)}
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
function IssueTable({ id, title, hint, items }: { id: string; title: string; hint?: string; items: TImportIssuePage['items'] }) {
  const { t } = useTranslation();
  const spec = useImportWizard();
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
          <ColumnHeads headings={[t('imports.issueRow'), t('imports.issueColumn'), t('imports.issueMessage')]} />
          <Table.Tbody>
            {items.map((i) => (
              <Table.Tr key={i.seq}>
                <Table.Td className="mono">{i.rowNumber ?? t('imports.fileLevel')}</Table.Td>
                <Table.Td>{i.header || (i.field ? t(`${spec.fieldLabels}.${i.field}`) : '')}</Table.Td>
                <Table.Td>{i.message}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
    </Paper>
  );
}
