import { Alert, Anchor, Badge, Button, FileInput, Group, NativeSelect, Paper, Progress, Stack, Stepper, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { IMPORT_FIELDS, REQUIRED_IMPORT_FIELDS, type TAssetImport } from '../../shared/schemas/asset.schema.ts';
import { type ApiError, toApiError } from '../api/api-client.ts';
import { SectionLoader } from '../components/full-page-loader.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { ProblemAlert, SuccessMessage } from '../components/problem-alert.tsx';
import { formatDateTime } from '../i18n/format.ts';
import { useLocaleAndZone } from '../i18n/use-locale-and-zone.ts';
import { useOrganisationSession } from '../platform/auth/session.query.ts';
import { useAssetLabels } from './asset-labels.ts';
import { type TImportIssuePage, uploadAssetImport, useAssetImport, useCancelImport, useCommitImport, useImportIssues, useRecentImports, useValidateImport } from './asset.query.ts';

/** Upload limit shown to the user (the server enforces it, src/server/assets/asset-import.service.ts). */
const LIMIT_MB = 50;
const PREVIEW_FIELDS = ['name', 'medium', 'owner', 'records', 'rank', 'unitValueThousandYen'] as const;

function stepOf(i: TAssetImport | undefined, editingMapping: boolean): number {
  if (!i) return 0;
  if (i.status === 'uploaded' || editingMapping) return 1;
  if (i.status === 'validating' || i.status === 'validated') return 2;
  if (i.status === 'committing') return 3;
  return 4;
}

/**
 * The import wizard: upload → detected format and encoding, header mapping →
 * check (every row's errors) → commit, with a progress bar that survives
 * leaving the page (the import lives at /assets/import/:id).
 */
export function AssetImportPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const session = useOrganisationSession();
  const canWrite = session.organisation.can['assets.write'];
  const imp = useAssetImport(id);
  const [editingMapping, setEditingMapping] = useState(false);
  const data = imp.data;
  const step = stepOf(data, editingMapping);

  return (
    <>
      <PageHeader
        title={t('assets.import.title')}
        description={t('assets.import.description')}
        actions={
          <Anchor component={Link} to="/assets">
            {t('assets.actions.back')}
          </Anchor>
        }
      />
      <Stack gap="lg">
        <Stepper active={step} size="sm" allowNextStepsSelect={false} aria-label={t('assets.import.title')}>
          <Stepper.Step label={t('assets.import.steps.upload')} />
          <Stepper.Step label={t('assets.import.steps.mapping')} />
          <Stepper.Step label={t('assets.import.steps.preview')} />
          <Stepper.Step label={t('assets.import.steps.commit')} />
        </Stepper>
        {!id ? (
          <>
            {canWrite ? <UploadStep /> : null}
            <RecentImports />
          </>
        ) : (
          <>
            <ProblemAlert problem={imp.error ? toApiError(imp.error) : null} />
            {imp.isPending ? <SectionLoader /> : null}
            {data ? <Detected imp={data} /> : null}
            {data && (data.status === 'uploaded' || editingMapping) ? <MappingStep imp={data} onDone={() => setEditingMapping(false)} /> : null}
            {data && (data.status === 'validating' || data.status === 'committing') ? <Running imp={data} /> : null}
            {data && data.status === 'validated' && !editingMapping ? <PreviewStep imp={data} onChangeMapping={() => setEditingMapping(true)} /> : null}
            {data && data.status === 'committed' ? <Committed imp={data} /> : null}
            {data && data.status === 'failed' ? (
              <Alert color="red" variant="light" title={t('assets.import.failed')}>
                {data.problem?.message}
              </Alert>
            ) : null}
            {data && data.status === 'cancelled' ? (
              <Alert color="gray" variant="light" title={t('assets.import.cancelled')}>
                <Anchor component={Link} to="/assets/import">
                  {t('assets.import.another')}
                </Anchor>
              </Alert>
            ) : null}
          </>
        )}
      </Stack>
    </>
  );
}

function UploadStep() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const upload = async () => {
    if (!file) return;
    setProblem(null);
    setBusy(true);
    try {
      const imp = await uploadAssetImport(file);
      navigate(`/assets/import/${imp.id}`);
    } catch (e) {
      setProblem(toApiError(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="import-upload-heading">
      <Title order={2} fz="h3" id="import-upload-heading" mb="sm">
        {t('assets.import.steps.upload')}
      </Title>
      <Stack gap="sm">
        <FileInput
          label={t('assets.import.chooseFile')}
          description={t('assets.import.chooseHint', { limitMb: LIMIT_MB })}
          accept=".csv,.tsv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          value={file}
          onChange={setFile}
          clearable
          data-testid="import-file"
        />
        <ProblemAlert problem={problem} />
        <Group>
          <Button onClick={() => void upload()} disabled={!file} loading={busy} data-testid="import-upload">
            {busy ? t('assets.import.uploading') : t('assets.import.upload')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function Detected({ imp }: { imp: TAssetImport }) {
  const { t } = useTranslation();
  const size = imp.byteSize >= 1024 * 1024 ? `${(imp.byteSize / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(imp.byteSize / 1024))} KB`;
  return (
    <Paper withBorder p="md" data-testid="import-detected">
      <Group gap="sm" wrap="wrap">
        <Text fw={600}>{t('assets.import.fileLine', { fileName: imp.fileName, size })}</Text>
        <Text size="sm" c="dimmed">
          {t('assets.import.detected')}:
        </Text>
        <Badge variant="light">{t(`assets.import.format.${imp.format}`)}</Badge>
        {imp.encoding ? <Badge variant="light" color="grape">{t(`assets.import.encoding.${imp.encoding}`)}</Badge> : null}
        <Badge variant="outline" color="gray">
          {t(`assets.import.statuses.${imp.status}`)}
        </Badge>
      </Group>
    </Paper>
  );
}

function MappingStep({ imp, onDone }: { imp: TAssetImport; onDone: () => void }) {
  const { t } = useTranslation();
  const validate = useValidateImport();
  const [mapping, setMapping] = useState<Record<string, string | null>>(imp.mapping);
  const [problem, setProblem] = useState<ApiError | null>(null);
  useEffect(() => setMapping(imp.mapping), [imp.id, imp.mapping]);
  const options = [
    { value: '', label: t('assets.import.ignore') },
    ...IMPORT_FIELDS.map((f) => ({ value: f, label: `${t(`assets.fields.${f}`)}${REQUIRED_IMPORT_FIELDS.includes(f) ? ` (${t('assets.import.required')})` : ''}` })),
  ];
  const submit = () => {
    setProblem(null);
    validate.mutate({ id: imp.id, body: { mapping, version: imp.version } }, { onSuccess: onDone, onError: (e) => setProblem(toApiError(e)) });
  };
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="import-mapping-heading">
      <Title order={2} fz="h3" id="import-mapping-heading" mb={4}>
        {t('assets.import.mappingTitle')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('assets.import.mappingHint')}
      </Text>
      <div className="table-scroll">
        <Table data-testid="import-mapping">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('assets.import.column')}</Table.Th>
              <Table.Th scope="col">{t('assets.import.fileHeader')}</Table.Th>
              <Table.Th scope="col">{t('assets.import.field')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {imp.headers.map((h, i) => (
              <Table.Tr key={i}>
                <Table.Td className="mono">{i + 1}</Table.Td>
                <Table.Td>{h || '—'}</Table.Td>
                <Table.Td miw={220}>
                  <NativeSelect
                    aria-label={`${t('assets.import.field')}: ${h || i + 1}`}
                    value={mapping[String(i)] ?? ''}
                    onChange={(e) => {
                      const value = e.currentTarget.value || null;
                      setMapping((m) => ({ ...m, [String(i)]: value }));
                    }}
                    data={options}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
      <ProblemAlert problem={problem} extra={problem?.problem.errors?.map((e) => e.message) ?? []} mt="sm" />
      <Group mt="md">
        <Button onClick={submit} loading={validate.isPending} data-testid="import-validate">
          {t('assets.import.validate')}
        </Button>
        <CancelButton imp={imp} />
      </Group>
    </Paper>
  );
}

function Running({ imp }: { imp: TAssetImport }) {
  const { t } = useTranslation();
  const percent = imp.progress.total ? Math.min(100, Math.floor((imp.progress.done / imp.progress.total) * 100)) : 0;
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="import-running-heading">
      <Title order={2} fz="h3" id="import-running-heading" mb="sm">
        {imp.status === 'validating' ? t('assets.import.validating') : t('assets.import.committing')}
      </Title>
      <Progress value={percent} size="xl" animated aria-label={t('assets.import.progressLabel')} data-testid="import-progress" />
      <Text size="sm" mt={4} aria-live="polite">
        {t('assets.import.progress', { percent })}
      </Text>
      <Text size="sm" c="dimmed" mt="sm">
        {t('assets.import.leaveHint')}
      </Text>
    </Paper>
  );
}

function PreviewStep({ imp, onChangeMapping }: { imp: TAssetImport; onChangeMapping: () => void }) {
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

function CancelButton({ imp }: { imp: TAssetImport }) {
  const { t } = useTranslation();
  const cancel = useCancelImport();
  return (
    <Button variant="subtle" color="red" loading={cancel.isPending} onClick={() => cancel.mutate({ id: imp.id, body: { version: imp.version } })}>
      {t('assets.import.cancel')}
    </Button>
  );
}

function Committed({ imp }: { imp: TAssetImport }) {
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

function RecentImports() {
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
function IssueTable({ id, title, hint, items }: { id: string; title: string; hint?: string; items: TImportIssuePage['items'] }) {
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
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('assets.import.issueRow')}</Table.Th>
              <Table.Th scope="col">{t('assets.import.issueColumn')}</Table.Th>
              <Table.Th scope="col">{t('assets.import.issueMessage')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
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
