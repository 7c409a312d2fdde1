import { Alert, Anchor, Button, Code, Group, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type ApiError, toApiError } from '../api/api-client.ts';
import { ForbiddenNotice } from '../components/forbidden-notice.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { formatNumber } from '../i18n/format.ts';
import { useLocaleAndZone } from '../i18n/use-locale-and-zone.ts';
import { useOrganisationSession } from '../platform/auth/session.query.ts';
import { useCatalogText } from './catalog-labels.ts';
import { type TOwnFileResult, useUploadOwnFile } from './catalog.query.ts';
import { KnowledgeBreadcrumbs } from './knowledge-breadcrumbs.tsx';
import { collectionPath } from './knowledge-paths.ts';
import { lineOfErrorPath, OWN_FILE_MAX_BYTES } from './knowledge.rules.ts';
import './knowledge.css';

/** A minimal own file (docs/CATALOG.md): shown as a starting point, ids under urn:kumoji:org:. */
const EXAMPLE_FILE = `id: urn:kumoji:org:house-rules
type: reference
version: 1
name: { ja: 当社の社内規程, en: Our house rules }
source: "社内規程 2026 年版"
items:
  - id: urn:kumoji:org:house-rules:backup
    ja: バックアップは毎日取得する
    en: Take a backup every day
    source: "社内規程 第 3 条"
  - id: urn:kumoji:org:house-rules:restore
    parent: urn:kumoji:org:house-rules:backup
    ja: 月に一度は復元を試す
    en: Test a restore once a month
    source: "社内規程 第 3 条 2 項"
`;

interface ChosenFile {
  filename: string;
  content: string;
  bytes: number;
}

type ReadProblem = 'empty' | 'tooLarge' | 'notUtf8' | 'unreadable';

/** Reads the chosen file as UTF-8 text in the browser (a byte-order mark is dropped); refuses what the server would refuse anyway. */
async function readCatalogFile(file: File): Promise<ChosenFile | ReadProblem> {
  if (file.size === 0) return 'empty';
  if (file.size > OWN_FILE_MAX_BYTES) return 'tooLarge';
  let bytes: ArrayBuffer;
  try {
    bytes = await file.arrayBuffer();
  } catch {
    return 'unreadable';
  }
  try {
    const content = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return content.trim() ? { filename: file.name, content, bytes: bytes.byteLength } : 'empty';
  } catch {
    return 'notUtf8';
  }
}

/**
 * Owners upload the organisation's own catalog file (YAML). The server checks
 * it like a shipped file and stores all of it or nothing; a refused file comes
 * back with every error and its line, shown here next to the line's text.
 */
export function OwnFileUploadPage() {
  const { t } = useTranslation();
  const session = useOrganisationSession();
  const { locale } = useLocaleAndZone();
  const limitMb = formatNumber(OWN_FILE_MAX_BYTES / 1_000_000, locale);
  const upload = useUploadOwnFile();
  const inputId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [chosen, setChosen] = useState<ChosenFile | null>(null);
  const [readProblem, setReadProblem] = useState<ReadProblem | null>(null);
  const [sent, setSent] = useState<ChosenFile | null>(null);

  if (!session.organisation.can['catalog.manage']) {
    return (
      <>
        <KnowledgeBreadcrumbs trail={[]} current={t('catalog.upload.title')} />
        <PageHeader title={t('catalog.upload.title')} />
        <ForbiddenNotice />
      </>
    );
  }

  const onChoose = async (file: File | undefined) => {
    upload.reset();
    setSent(null);
    setChosen(null);
    setReadProblem(null);
    if (!file) return;
    const read = await readCatalogFile(file);
    if (typeof read === 'string') setReadProblem(read);
    else setChosen(read);
  };

  const onSubmit = () => {
    if (!chosen) return;
    setSent(chosen);
    upload.mutate(
      { filename: chosen.filename, content: chosen.content },
      {
        onSuccess: () => {
          setChosen(null);
          if (inputRef.current) inputRef.current.value = '';
        },
      },
    );
  };

  return (
    <>
      <KnowledgeBreadcrumbs trail={[]} current={t('catalog.upload.title')} />
      <PageHeader title={t('catalog.upload.title')} description={t('catalog.upload.description')} />
      <Stack gap="lg">
        <Paper withBorder p="lg" component="section" aria-labelledby="upload-choose">
          <Title order={2} fz="h3" id="upload-choose" mb="sm">
            {t('catalog.upload.chooseTitle')}
          </Title>
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              onSubmit();
            }}
          >
            <Stack gap="sm">
              <div role="group" aria-labelledby={`${inputId}-label`} aria-describedby={`${inputId}-hint`}>
                <Text fw={500} size="sm" id={`${inputId}-label`}>
                  {t('catalog.upload.fileLabel')}
                </Text>
                <Text size="xs" c="dimmed" id={`${inputId}-hint`} mb={6}>
                  {t('catalog.upload.fileHint', { limit: limitMb })}
                </Text>
                {/* The browser's own file button would speak the browser's language; ours follows the UI's. */}
                <input
                  ref={inputRef}
                  id={inputId}
                  type="file"
                  accept=".yaml,.yml,application/yaml,text/yaml"
                  aria-label={t('catalog.upload.fileLabel')}
                  tabIndex={-1}
                  hidden
                  onChange={(e) => void onChoose(e.currentTarget.files?.[0])}
                />
                <Group gap="sm" wrap="wrap">
                  <Button variant="default" onClick={() => inputRef.current?.click()} aria-describedby={`${inputId}-chosen`}>
                    {t('catalog.upload.choose')}
                  </Button>
                  <Text size="sm" id={`${inputId}-chosen`} data-testid="chosen-file" c={chosen ? undefined : 'dimmed'}>
                    {chosen ? t('catalog.upload.chosen', { file: chosen.filename, size: formatNumber(chosen.bytes, locale) }) : t('catalog.upload.noFile')}
                  </Text>
                </Group>
              </div>
              <Group>
                <Button type="submit" disabled={!chosen} loading={upload.isPending}>
                  {t('catalog.upload.submit')}
                </Button>
              </Group>
            </Stack>
          </form>
          <div aria-live="polite">
            {readProblem ? (
              <Alert color="red" variant="light" mt="md" title={t(`catalog.upload.read.${readProblem}`, { limit: limitMb })} />
            ) : null}
            {upload.error && sent ? <RefusedFile problem={toApiError(upload.error)} file={sent} /> : null}
            {upload.data ? <StoredFile result={upload.data} /> : null}
          </div>
        </Paper>

        <Paper withBorder p="lg" component="section" aria-labelledby="upload-format">
          <Title order={2} fz="h3" id="upload-format" mb="sm">
            {t('catalog.upload.formatTitle')}
          </Title>
          <List size="sm" spacing={4} mb="md">
            <List.Item>{t('catalog.upload.rules.ids')}</List.Item>
            <List.Item>{t('catalog.upload.rules.languages')}</List.Item>
            <List.Item>{t('catalog.upload.rules.source')}</List.Item>
            <List.Item>{t('catalog.upload.rules.version')}</List.Item>
            <List.Item>{t('catalog.upload.rules.allOrNothing')}</List.Item>
          </List>
          <Text size="sm" fw={600} mb={4} id="upload-example">
            {t('catalog.upload.example')}
          </Text>
          <Code block className="kb-example" aria-labelledby="upload-example" lang="ja">
            {EXAMPLE_FILE}
          </Code>
        </Paper>
      </Stack>
    </>
  );
}

/** Every error the server found, each with its line number, the line as written in the file, and the message. */
function RefusedFile({ problem, file }: { problem: ApiError; file: ChosenFile }) {
  const { t } = useTranslation();
  const errors = problem.problem.errors ?? [];
  const lines = file.content.split(/\r\n|\r|\n/);
  const where = (path: string) => {
    const line = lineOfErrorPath(path);
    if (line !== null) return t('catalog.upload.line', { line });
    return t(`catalog.upload.where.${path}`, { defaultValue: path });
  };
  return (
    <Alert color="red" variant="light" mt="md" title={problem.title} data-testid="upload-errors">
      <Text size="sm" mb="sm">
        {t('catalog.upload.refused', { file: file.filename })}
      </Text>
      {errors.length ? (
        <div className="table-scroll">
          <Table verticalSpacing="xs" fz="sm" withTableBorder bg="var(--mantine-color-body)">
            <Table.Caption className="visually-hidden">{t('catalog.upload.errorsCaption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col" style={{ whiteSpace: 'nowrap' }}>
                  {t('catalog.upload.whereColumn')}
                </Table.Th>
                <Table.Th scope="col">{t('catalog.upload.lineText')}</Table.Th>
                <Table.Th scope="col">{t('catalog.upload.message')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {errors.map((e, i) => {
                const line = lineOfErrorPath(e.path);
                const text = line !== null ? lines[line - 1] : undefined;
                return (
                  <Table.Tr key={`${e.path}-${i}`} data-testid="upload-error">
                    <Table.Th scope="row" fw={600} style={{ whiteSpace: 'nowrap' }}>
                      {where(e.path)}
                    </Table.Th>
                    <Table.Td>{text !== undefined && text.trim() ? <code className="kb-line-code">{text}</code> : '—'}</Table.Td>
                    <Table.Td>{e.message}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </div>
      ) : null}
    </Alert>
  );
}

function StoredFile({ result }: { result: TOwnFileResult }) {
  const { t } = useTranslation();
  const { pick } = useCatalogText();
  const c = result.collection;
  const values = { name: pick(c.name), version: c.version, count: c.itemCount };
  const message = result.stored
    ? t('catalog.upload.stored', values)
    : result.loaded
      ? t('catalog.upload.reloaded', values)
      : t('catalog.upload.unchanged', values);
  return (
    <Alert color="teal" variant="light" mt="md" title={message} data-testid="upload-stored">
      <Anchor component={Link} to={collectionPath(c.id)} fw={600}>
        {t('catalog.upload.open', { name: pick(c.name) })}
      </Anchor>
    </Alert>
  );
}
