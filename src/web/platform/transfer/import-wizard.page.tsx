import { Alert, Anchor, Badge, Button, FileInput, Group, NativeSelect, Paper, Progress, Stack, Stepper, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { TImport } from '../../../shared/schemas/import.schema.ts';
import { type ApiError, toApiError } from '../../api/api-client.ts';
import { ColumnHeads } from '../../components/data-table.tsx';
import { SectionLoader } from '../../components/full-page-loader.tsx';
import { BackLink, PageHeader } from '../../components/page-header.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { SectionCard } from '../../components/section-card.tsx';
import { useOrganisationSession } from '../auth/session.query.ts';
import { CancelButton, Committed, PreviewStep, RecentImports } from './import-preview.tsx';
import { ImportWizardContext, useImportWizard, type ImportWizardSpec } from './import-wizard.spec.ts';
import { uploadImport, useImport, useImportStep } from './import.query.ts';

function stepOf(i: TImport | undefined, editingMapping: boolean): number {
  if (!i) return 0;
  if (i.status === 'uploaded' || editingMapping) return 1;
  if (i.status === 'validating' || i.status === 'validated') return 2;
  if (i.status === 'committing') return 3;
  return 4;
}

/**
 * A register's import wizard: upload → detected format and encoding, header
 * mapping → check (every row's errors) → commit, with a progress bar that
 * survives leaving the page (the import lives at `<path>/:id`). The
 * register's page renders it with its spec (import-wizard.spec.ts).
 */
export function ImportWizard<I extends TImport>(spec: ImportWizardSpec<I>) {
  return (
    <ImportWizardContext.Provider value={spec as unknown as ImportWizardSpec}>
      <Wizard />
    </ImportWizardContext.Provider>
  );
}

function Wizard() {
  const { id } = useParams();
  const { t } = useTranslation();
  const spec = useImportWizard();
  const session = useOrganisationSession();
  const canWrite = session.organisation.can[spec.write];
  const imp = useImport(spec.api, id);
  const [editingMapping, setEditingMapping] = useState(false);
  const data = imp.data;
  const step = stepOf(data, editingMapping);

  return (
    <>
      <PageHeader title={t(`${spec.messages}.title`)} description={t(`${spec.messages}.description`)} actions={<BackLink to={spec.back.to} label={t(spec.back.label)} />} />
      <Stack gap="lg">
        <Stepper active={step} size="sm" allowNextStepsSelect={false} aria-label={t(`${spec.messages}.title`)}>
          <Stepper.Step label={t('imports.steps.upload')} />
          <Stepper.Step label={t('imports.steps.mapping')} />
          <Stepper.Step label={t('imports.steps.preview')} />
          <Stepper.Step label={t('imports.steps.commit')} />
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
              <Alert color="red" variant="light" title={t('imports.failed')}>
                {data.problem?.message}
              </Alert>
            ) : null}
            {data && data.status === 'cancelled' ? (
              <Alert color="gray" variant="light" title={t('imports.cancelled')}>
                <Anchor component={Link} to={spec.path}>
                  {t('imports.another')}
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
  const spec = useImportWizard();
  const navigate = useNavigate();
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const upload = async () => {
    if (!file) return;
    setProblem(null);
    setBusy(true);
    try {
      const imp = await uploadImport(spec.api, file);
      navigate(`${spec.path}/${imp.id}`);
    } catch (e) {
      setProblem(toApiError(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="import-upload-heading">
      <Title order={2} fz="h3" id="import-upload-heading" mb="sm">
        {t('imports.steps.upload')}
      </Title>
      <Stack gap="sm">
        <FileInput
          label={t('imports.chooseFile')}
          description={t(`${spec.messages}.chooseHint`, { limitMb: Math.round(spec.maxBytes / 1024 / 1024) })}
          accept=".csv,.tsv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          value={file}
          onChange={setFile}
          clearable
          data-testid="import-file"
        />
        <ProblemAlert problem={problem} />
        <Group>
          <Button onClick={() => void upload()} disabled={!file} loading={busy} data-testid="import-upload">
            {busy ? t('imports.uploading') : t('imports.upload')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function Detected({ imp }: { imp: TImport }) {
  const { t } = useTranslation();
  const size = imp.byteSize >= 1024 * 1024 ? `${(imp.byteSize / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(imp.byteSize / 1024))} KB`;
  return (
    <Paper withBorder p="md" data-testid="import-detected">
      <Group gap="sm" wrap="wrap">
        <Text fw={600}>{t('imports.fileLine', { fileName: imp.fileName, size })}</Text>
        <Text size="sm" c="dimmed">
          {t('imports.detected')}:
        </Text>
        <Badge variant="light">{t(`imports.format.${imp.format}`)}</Badge>
        {imp.encoding ? <Badge variant="light" color="grape">{t(`imports.encoding.${imp.encoding}`)}</Badge> : null}
        <Badge variant="outline" color="gray">
          {t(`imports.statuses.${imp.status}`)}
        </Badge>
      </Group>
    </Paper>
  );
}

function MappingStep({ imp, onDone }: { imp: TImport; onDone: () => void }) {
  const { t } = useTranslation();
  const spec = useImportWizard();
  const validate = useImportStep(spec.api, 'validate');
  const [mapping, setMapping] = useState<Record<string, string | null>>(imp.mapping);
  const [problem, setProblem] = useState<ApiError | null>(null);
  useEffect(() => setMapping(imp.mapping), [imp.id, imp.mapping]);
  const options = [
    { value: '', label: t('imports.ignore') },
    ...spec.fields.map((f) => ({ value: f, label: `${t(`${spec.fieldLabels}.${f}`)}${spec.requiredFields.includes(f) ? ` (${t('imports.required')})` : ''}` })),
  ];
  const submit = () => {
    setProblem(null);
    validate.mutate({ id: imp.id, body: { mapping, version: imp.version } }, { onSuccess: onDone, onError: (e) => setProblem(toApiError(e)) });
  };
  return (
    <SectionCard id="import-mapping" title={t('imports.mappingTitle')} description={t(`${spec.messages}.mappingHint`)}>
      <div className="table-scroll">
        <Table data-testid="import-mapping">
          <ColumnHeads headings={[t('imports.column'), t('imports.fileHeader'), t('imports.field')]} />
          <Table.Tbody>
            {imp.headers.map((h, i) => (
              <Table.Tr key={i}>
                <Table.Td className="mono">{i + 1}</Table.Td>
                <Table.Td>{h || '—'}</Table.Td>
                <Table.Td miw={220}>
                  <NativeSelect
                    aria-label={`${t('imports.field')}: ${h || i + 1}`}
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
          {t('imports.validate')}
        </Button>
        <CancelButton imp={imp} />
      </Group>
    </SectionCard>
  );
}

function Running({ imp }: { imp: TImport }) {
  const { t } = useTranslation();
  const spec = useImportWizard();
  const percent = imp.progress.total ? Math.min(100, Math.floor((imp.progress.done / imp.progress.total) * 100)) : 0;
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="import-running-heading">
      <Title order={2} fz="h3" id="import-running-heading" mb="sm">
        {imp.status === 'validating' ? t('imports.validating') : t(`${spec.messages}.committing`)}
      </Title>
      <Progress value={percent} size="xl" animated aria-label={t('imports.progressLabel')} data-testid="import-progress" />
      <Text size="sm" mt={4} aria-live="polite">
        {t('imports.progress', { percent })}
      </Text>
      <Text size="sm" c="dimmed" mt="sm">
        {t(`${spec.messages}.leaveHint`)}
      </Text>
    </Paper>
  );
}
