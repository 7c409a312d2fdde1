import { Autocomplete, Button, Group, Modal, NativeSelect, SimpleGrid, Stack, Switch, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CONTROL_STATUSES, type ControlStatus } from '../../shared/governance/control.rules.ts';
import { api, toApiError } from '../api/api-client.ts';
import { SourceCitations } from '../catalog/source-citations.tsx';
import { ProblemAlert } from '../components/problem-alert.tsx';
import { useLocaleAndZone } from '../i18n/use-locale-and-zone.ts';
import { EvidenceFiles } from '../platform/evidence/evidence-files.tsx';
import { controlRecords, type TControlAssessment, type TControlSets, useRefreshControls } from './control.query.ts';

type Control = TControlSets['sets'][number]['controls'][number];

interface Draft {
  applicable: boolean;
  reason: string;
  status: ControlStatus;
  ownerDepartment: string;
  dueOn: string;
  notes: string;
}

const draftOf = (a: TControlAssessment | null): Draft => ({
  applicable: a?.applicable ?? true,
  reason: a?.reason ?? '',
  status: a?.status ?? 'notStarted',
  ownerDepartment: a?.ownerDepartment?.name ?? '',
  dueOn: a?.dueOn ?? '',
  notes: a?.notes ?? '',
});

const bodyOf = (d: Draft) => ({ applicable: d.applicable, reason: d.reason.trim(), status: d.status, ownerDepartment: d.ownerDepartment.trim() || null, dueOn: d.dueOn || null, notes: d.notes.trim() });

/** One control's judgement in a dialog: applicability and reason, status, owner, due date, evidence (once saved). */
export function ControlEditor({ control, departments, canWrite, onClose }: { control: Control; departments: readonly string[]; canWrite: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { locale } = useLocaleAndZone();
  const assessment = control.assessment;
  const [draft, setDraft] = useState<Draft>(() => draftOf(assessment));
  const [saved, setSaved] = useState(false);
  const create = controlRecords.useCreate();
  const update = controlRecords.useUpdate(assessment?.id ?? '');
  const refresh = useRefreshControls();
  const saving = create.isPending || update.isPending;
  const error = create.error ?? update.error;
  // Each field's message sits at the field; the alert keeps the problem's title.
  const fieldErrors = error ? toApiError(error).fieldErrors : {};
  const f = (key: string) => t(`governance.controls.fields.${key}`);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setSaved(false);
    setDraft({ ...draft, [key]: value });
  };
  const save = () => {
    const done = { onSuccess: () => setSaved(true) };
    if (assessment) update.mutate({ ...bodyOf(draft), version: assessment.version }, done);
    else create.mutate({ itemId: control.itemId, ...bodyOf(draft) }, done);
  };
  const title = control.code ? `${control.code} ${control.name[locale]}` : control.name[locale];
  return (
    <Modal opened onClose={onClose} title={title} size="lg" closeButtonProps={{ 'aria-label': t('common.close') }}>
      <Stack gap="sm">
        <SourceCitations sources={control.source} size="xs" />
        <fieldset disabled={!canWrite} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
          <Stack gap="sm">
            <Switch label={t('governance.controls.applicability.applicable')} checked={draft.applicable} onChange={(e) => set('applicable', e.currentTarget.checked)} />
            <Textarea label={f('reason')} autosize minRows={2} maxLength={2000} value={draft.reason} error={fieldErrors.reason} onChange={(e) => set('reason', e.currentTarget.value)} />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <NativeSelect label={f('status')} value={draft.status} error={fieldErrors.status} onChange={(e) => set('status', e.currentTarget.value as ControlStatus)} data={CONTROL_STATUSES.map((s) => ({ value: s, label: t(`governance.controls.status.${s}`) }))} />
              <TextInput type="date" label={f('dueOn')} value={draft.dueOn} error={fieldErrors.dueOn} onChange={(e) => set('dueOn', e.currentTarget.value)} />
            </SimpleGrid>
            <Autocomplete label={f('owner')} maxLength={100} data={[...departments]} value={draft.ownerDepartment} error={fieldErrors.ownerDepartment} onChange={(v) => set('ownerDepartment', v)} />
            <Textarea label={f('notes')} autosize minRows={1} maxLength={2000} value={draft.notes} error={fieldErrors.notes} onChange={(e) => set('notes', e.currentTarget.value)} />
          </Stack>
        </fieldset>
        <ProblemAlert problem={error ? toApiError(error) : null} />
        {saved ? (
          <Text c="green" size="sm" role="status">
            {t('governance.controls.saved')}
          </Text>
        ) : null}
        {assessment ? (
          <Stack gap={4}>
            <Text fw={500} size="sm">
              {t('governance.controls.evidenceTitle')}
            </Text>
            <Text size="xs" c="dimmed">
              {t('governance.controls.evidenceHint')}
            </Text>
            <EvidenceFiles
              files={assessment.evidence}
              uploadUrl={canWrite ? `/api/v1/control-assessments/${assessment.id}/evidence` : null}
              versionUrl={canWrite ? (file) => `/api/v1/control-assessments/${assessment.id}/evidence/${file.id}/versions` : null}
              onRemove={canWrite ? (file) => api.delete(`/api/v1/control-assessments/${assessment.id}/evidence/${file.id}`) : undefined}
              onChanged={() => void refresh()}
              label={title}
            />
          </Stack>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('governance.controls.cancel')}
          </Button>
          {canWrite ? (
            <Button loading={saving} onClick={save}>
              {t('governance.controls.save')}
            </Button>
          ) : null}
        </Group>
      </Stack>
    </Modal>
  );
}
