import { Alert, Anchor, Button, Group, List, NativeSelect, SimpleGrid, Stack, Stepper, Text, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PDCA_PHASES } from '../../shared/operations/corrective-action.rules.ts';
import type { TCreateCorrectiveActionRequest } from '../../shared/operations/corrective-action.schema.ts';
import { toApiError } from '../api/api-client.ts';
import { SourceCitations } from '../catalog/source-citations.tsx';
import { ProblemAlert } from '../components/problem-alert.tsx';
import { SectionCard } from '../components/section-card.tsx';
import { useOrganisationSession } from '../platform/auth/session.query.ts';
import { EvidenceFiles } from '../platform/evidence/evidence-files.tsx';
import { useMembers } from '../platform/members/members.query.ts';
import { recordPage, RegisterForm } from '../platform/register/register-form.tsx';
import { registerFormLabels } from '../platform/register/register-form-labels.ts';
import { useRegisterRecordEditor } from '../platform/register/use-register-editor.ts';
import { PhaseBadge } from './action-labels.tsx';
import { actionRecords, removeActionEvidence, type TCorrectiveAction, useInspectionTemplates, useMoveAction, useOperationsRefresh } from './operation.query.ts';

type Values = { title: string; ownerUserId: string; dueOn: string; plan: string; doneNote: string; checkNote: string; effective: '' | 'yes' | 'no'; actNote: string };
const EMPTY: Values = { title: '', ownerUserId: '', dueOn: '', plan: '', doneNote: '', checkNote: '', effective: '', actNote: '' };
const valuesOf = (a: TCorrectiveAction): Values => ({ ...a, ownerUserId: a.ownerUserId ?? '', dueOn: a.dueOn ?? '', effective: a.effective === null ? '' : a.effective ? 'yes' : 'no' });
const fieldsOf = (v: Values) => ({
  title: v.title.trim(),
  ownerUserId: v.ownerUserId || null,
  dueOn: v.dueOn || null,
  plan: v.plan.trim(),
  doneNote: v.doneNote.trim(),
  checkNote: v.checkNote.trim(),
  effective: v.effective === '' ? null : v.effective === 'yes',
  actNote: v.actNote.trim(),
});

/** The phase moves open to the action, each with what it still needs; unsaved edits must be saved first. */
function PhaseMoves({ action, dirty }: { action: TCorrectiveAction; dirty: boolean }) {
  const { t } = useTranslation();
  const move = useMoveAction(action.id);
  const problem = move.error ? toApiError(move.error) : null;
  if (action.phase === 'closed') return <Alert color="gray">{t('operations.actions.closedNote')}</Alert>;
  return (
    <Stack gap="xs" data-testid="phase-moves">
      {dirty ? (
        <Text size="sm" c="orange">
          {t('operations.actions.saveFirst')}
        </Text>
      ) : null}
      {action.moves.map((m) => (
        <Stack key={m.to} gap={2}>
          <Group>
            <Button variant={m.to === 'plan' ? 'default' : 'filled'} disabled={dirty || m.missing.length > 0} loading={move.isPending} onClick={() => move.mutate({ to: m.to, version: action.version })} data-testid={`move-${m.to}`}>
              {t(`operations.actions.moveTo.${m.to}`)}
            </Button>
          </Group>
          {m.missing.length ? (
            <List size="sm" c="dimmed" data-testid={`missing-${m.to}`}>
              {m.missing.map((p) => (
                <List.Item key={`${p.path} ${p.code}`}>{t(`errors.field.${p.code}`)}</List.Item>
              ))}
            </List>
          ) : null}
        </Stack>
      ))}
      {move.isSuccess ? (
        <Text size="sm" c="teal">
          {t('operations.actions.moved')}
        </Text>
      ) : null}
      <ProblemAlert problem={problem} extra={problem ? Object.values(problem.fieldErrors) : []} />
    </Stack>
  );
}

/** A corrective action: where it came from, the PDCA phase it stands in and what moving on needs, what each phase produced, and its evidence. */
export const CorrectiveActionFormPage = recordPage(function CorrectiveActionEditor({ id }: { id: string | undefined }) {
  const { t } = useTranslation();
  const session = useOrganisationSession();
  const members = useMembers();
  const templates = useInspectionTemplates();
  const refresh = useOperationsRefresh();
  const [search] = useSearchParams();
  const isNew = !id;
  const fromInspection = isNew ? search.get('inspection') : null;
  const bodyOf = (v: Values): TCreateCorrectiveActionRequest => (fromInspection ? { ...fieldsOf(v), origin: 'inspection', originId: fromInspection } : fieldsOf(v));
  const edit = useRegisterRecordEditor(actionRecords, id, {
    empty: EMPTY,
    valuesOf,
    bodyOf,
    pathOf: (newId) => `/corrective-actions/${newId}`,
    createdMessage: t('operations.actions.created'),
    savedMessage: t('operations.actions.saved'),
  });
  const { record: action, editor } = edit;
  const { form } = editor;
  const data = action.data;
  const open = data?.phase !== 'closed';
  const canWrite = session.organisation.can['operations.write'] && open;
  const reached = (phase: (typeof PDCA_PHASES)[number]) => !!data && PDCA_PHASES.indexOf(data.phase) >= PDCA_PHASES.indexOf(phase);
  const text = (name: 'plan' | 'doneNote' | 'checkNote' | 'actNote', testId: string) => <Textarea label={t(`operations.actions.fields.${name}`)} autosize minRows={2} maxLength={4000} readOnly={!canWrite} data-testid={testId} {...form.getInputProps(name)} />;
  return (
    <RegisterForm
      {...edit}
      title={isNew ? t('operations.actions.new') : (data?.title ?? t('operations.actions.title'))}
      description={t('operations.actions.description')}
      listPath="/corrective-actions"
      labels={registerFormLabels(t, 'operations.actions', { name: data?.title ?? '' })}
      canWrite={canWrite}
      needs={members}
      submitTestId="save-action"
      summary={
        data ? (
          <Stack gap="sm" data-testid="action-summary">
            <Group gap="xs">
              <PhaseBadge phase={data.phase} overdue={data.overdue} />
              <Text size="sm">
                {t('operations.actions.fields.origin')}: {t(`operations.actions.origins.${data.origin}`)}
                {data.originTitle ? ' — ' : ''}
                {data.originPath ? (
                  <Anchor component={Link} to={data.originPath}>
                    {data.originTitle}
                  </Anchor>
                ) : (
                  data.originTitle
                )}
              </Text>
            </Group>
            <Stepper active={data.phase === 'closed' ? PDCA_PHASES.length : PDCA_PHASES.indexOf(data.phase)} size="xs">
              {PDCA_PHASES.slice(0, 4).map((p) => (
                <Stepper.Step key={p} label={t(`operations.actions.phases.${p}`)} />
              ))}
            </Stepper>
            {session.organisation.can['operations.write'] ? <PhaseMoves action={data} dirty={form.isDirty()} /> : null}
          </Stack>
        ) : null
      }
      after={
        data ? (
          <Stack gap="md">
            <SectionCard id="evidence" title={t('operations.actions.fields.evidence')}>
              <EvidenceFiles
                files={data.evidence}
                uploadUrl={canWrite ? `/api/v1/corrective-actions/${data.id}/evidence` : null}
                versionUrl={canWrite ? (f) => `/api/v1/corrective-actions/${data.id}/evidence/${f.id}/versions` : null}
                onRemove={canWrite ? (f) => removeActionEvidence(data.id, f.id) : undefined}
                onChanged={() => void refresh()}
                label={data.title}
              />
            </SectionCard>
            <SourceCitations sources={templates.data?.source ?? []} />
          </Stack>
        ) : null
      }
    >
      <SectionCard id="action" title={t('operations.actions.section')}>
        <Stack gap="sm">
          <TextInput label={t('operations.actions.fields.title')} required maxLength={200} readOnly={!canWrite} {...form.getInputProps('title')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect
              label={t('operations.actions.fields.owner')}
              disabled={!canWrite}
              data={[{ value: '', label: t('operations.actions.fields.noOwner') }, ...(members.data ?? []).map((m) => ({ value: m.userId, label: m.displayName || m.email }))]}
              {...form.getInputProps('ownerUserId')}
            />
            <TextInput type="date" label={t('operations.actions.fields.dueOn')} readOnly={!canWrite} {...form.getInputProps('dueOn')} />
          </SimpleGrid>
          {text('plan', 'action-plan')}
          {reached('do') ? text('doneNote', 'action-done') : null}
          {reached('check') ? (
            <>
              {text('checkNote', 'action-check')}
              <NativeSelect
                label={t('operations.actions.fields.effective')}
                disabled={!canWrite}
                data={(['', 'yes', 'no'] as const).map((v) => ({ value: v, label: t(`operations.actions.effective.${v === '' ? 'unknown' : v}`) }))}
                data-testid="action-effective"
                {...form.getInputProps('effective')}
              />
            </>
          ) : null}
          {reached('act') ? text('actNote', 'action-act') : null}
        </Stack>
      </SectionCard>
    </RegisterForm>
  );
});
