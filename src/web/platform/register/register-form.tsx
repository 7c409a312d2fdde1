import { Alert, Box, Button, Stack } from '@mantine/core';
import type { ComponentType, FormEventHandler, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { type ApiError, toApiError } from '../../api/api-client.ts';
import { SectionLoader } from '../../components/full-page-loader.tsx';
import { BackLink, PageHeader } from '../../components/page-header.tsx';
import { ProblemAlert, SuccessMessage } from '../../components/problem-alert.tsx';
import { RecordFormFooter } from '../../components/record-form-footer.tsx';

/** The record's query, as the form shell reads it: shown, loading, its problem, and read again on "load the latest". */
interface RecordQuery<Row> {
  data: Row | undefined;
  error: unknown;
  isPending: boolean;
  refetch: () => unknown;
}

/** What the form needs besides the record (choices, reference data): the form waits for it. */
interface NeedsQuery {
  data: unknown;
  error: unknown;
  isPending: boolean;
}

const NOTHING_NEEDED: NeedsQuery = { data: null, error: null, isPending: false };

/** The part of useRecordEditor the shell shows. */
interface EditorState {
  submit: FormEventHandler<HTMLFormElement>;
  saved: string | null;
  conflict: boolean;
  saving: boolean;
  errors: { problem: ApiError | null; otherFieldMessages: string[]; clear: () => void };
}

interface DeleteAction<Row> {
  mutate: (row: Row, options: { onSuccess: () => void }) => void;
  isPending: boolean;
  error: unknown;
}

export interface RegisterFormLabels {
  back: string;
  create: string;
  save: string;
  delete: string;
  deleteTitle: string;
  deleteMessage: string;
  /** The register's own words for a stale save; otherwise the server's translated problem. */
  conflict?: string;
}

interface RegisterFormProps<Row extends { id: string; version: number }> {
  title: string;
  description: ReactNode;
  /** The register's list: the back link, and where a deleted record leaves to. */
  listPath: string;
  labels: RegisterFormLabels;
  isNew: boolean;
  canWrite: boolean;
  record: RecordQuery<Row>;
  /** Omitted when the form needs nothing but the record. */
  needs?: NeedsQuery;
  editor: EditorState;
  remove: DeleteAction<Row>;
  submitTestId?: string;
  /** Above the form (read-only notice). */
  notice?: ReactNode;
  /** Above the form once the record is there (its verdict, its findings). */
  summary?: ReactNode;
  /** Below the form (the record's history). */
  after?: ReactNode;
  children: ReactNode;
}

/**
 * The edit page of a versioned register's record: header with the way back,
 * the problem or loader while the record and what the form needs load, the
 * form (disabled for members who may not write), then save and delete. A
 * save sends the version the form showed; when someone saved first (409),
 * the conflict is shown here once for every register, what was typed stays
 * on the form, and "load the latest version" reads the record again.
 */
export function RegisterForm<Row extends { id: string; version: number }>(p: RegisterFormProps<Row>) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { record, needs = NOTHING_NEEDED, editor, remove } = p;
  const data = record.data;
  const loadError = record.error ?? needs.error;
  return (
    <>
      <PageHeader
        title={p.title}
        description={p.description}
        actions={<BackLink to={p.listPath} label={p.labels.back} />}
      />
      <ProblemAlert problem={loadError ? toApiError(loadError) : null} mb="md" />
      {(!p.isNew && record.isPending) || needs.isPending ? <SectionLoader /> : null}
      {p.notice}
      {needs.data !== undefined && (p.isNew || data) ? (
        <Stack gap="lg">
          {data ? p.summary : null}
          <form noValidate onSubmit={editor.submit} aria-label={p.title}>
            <fieldset disabled={!p.canWrite} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
              <Stack gap="lg">
                {p.children}
                {editor.conflict && !p.isNew ? (
                  <Box aria-live="assertive" aria-atomic="true">
                    <Alert role="none" color="orange" variant="light" title={p.labels.conflict ?? editor.errors.problem?.title} data-testid="conflict">
                      <Button
                        variant="light"
                        mt="xs"
                        onClick={() => {
                          editor.errors.clear();
                          void record.refetch();
                        }}
                      >
                        {t('common.reloadLatest')}
                      </Button>
                    </Alert>
                  </Box>
                ) : (
                  <ProblemAlert problem={editor.errors.problem} extra={editor.errors.otherFieldMessages} onClose={editor.errors.clear} />
                )}
                <SuccessMessage message={editor.saved} />
                {p.canWrite ? (
                  <RecordFormFooter
                    isNew={p.isNew}
                    saving={editor.saving}
                    submitLabel={p.isNew ? p.labels.create : p.labels.save}
                    submitTestId={p.submitTestId}
                    deleteLabel={p.labels.delete}
                    deleteTitle={p.labels.deleteTitle}
                    deleteMessage={p.labels.deleteMessage}
                    deleting={remove.isPending}
                    deleteProblem={remove.error ? toApiError(remove.error) : null}
                    onDelete={() => data && remove.mutate(data, { onSuccess: () => navigate(p.listPath, { replace: true }) })}
                  />
                ) : null}
              </Stack>
            </fieldset>
          </form>
          {p.after}
        </Stack>
      ) : null}
    </>
  );
}

/**
 * The page of a register's record at `/<register>/:id` or `/<register>/new`:
 * a fresh editor for each record, so nothing typed for one carries over to the next.
 */
export function recordPage(Editor: ComponentType<{ id: string | undefined }>) {
  return function RecordPage() {
    const { id } = useParams();
    return <Editor key={id ?? 'new'} id={id} />;
  };
}
