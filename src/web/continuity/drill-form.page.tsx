import { NativeSelect, NumberInput, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { BCP_MODES, type BcpMode } from '../../shared/continuity/bcp.rules.ts';
import type { TCreateBcpDrillRequest } from '../../shared/continuity/bcp.schema.ts';
import { dateIn } from '../../shared/platform/calendar-date.ts';
import { FindingActions } from '../components/finding-actions.tsx';
import { SectionCard } from '../components/section-card.tsx';
import { useOrganisationSession } from '../platform/auth/session.query.ts';
import { registerFormLabels } from '../platform/register/register-form-labels.ts';
import { recordPage, RegisterForm } from '../platform/register/register-form.tsx';
import { useRegisterRecordEditor } from '../platform/register/use-register-editor.ts';
import { DRILLS } from './bcp.page.tsx';
import { drillRecords, type TBcpDrill, useBcpGrid, useOpenDrillFindings } from './continuity.query.ts';

const BCP = '/continuity/bcp';

type Values = { title: string; heldOn: string; mode: BcpMode; disasterTypeId: string; participants: number | string; recoveryMinutes: number | string; findings: string; notes: string };
const EMPTY = (): Values => ({ title: '', heldOn: dateIn('Asia/Tokyo', new Date()), mode: 'emergency', disasterTypeId: '', participants: '', recoveryMinutes: '', findings: '', notes: '' });
const valuesOf = (d: TBcpDrill): Values => ({ title: d.title, heldOn: d.heldOn, mode: d.mode, disasterTypeId: d.disasterTypeId, participants: d.participants ?? '', recoveryMinutes: d.recoveryMinutes ?? '', findings: d.findings.join('\n'), notes: d.notes });
const orNull = (v: number | string) => (v === '' ? null : Number(v));
const bodyOf = (v: Values): TCreateBcpDrillRequest => ({
  title: v.title.trim(),
  heldOn: v.heldOn,
  mode: v.mode,
  disasterTypeId: v.disasterTypeId,
  participants: orNull(v.participants),
  recoveryMinutes: orNull(v.recoveryMinutes),
  findings: v.findings.split('\n').map((f) => f.trim()).filter(Boolean),
  notes: v.notes.trim(),
});

/** The corrective actions a drill's findings were opened as, and the button that opens the rest. */
function DrillActions({ drill }: { drill: TBcpDrill }) {
  const { t } = useTranslation();
  const open = useOpenDrillFindings(drill.id);
  const opened = new Set(drill.actions.filter((a) => a.phase !== 'closed').map((a) => a.title));
  return (
    <FindingActions
      title={t('continuity.drills.actionsTitle')}
      empty={t('continuity.drills.noActions')}
      openLabel={t('continuity.drills.openFindings')}
      actions={drill.actions}
      canOpen={drill.can.update && drill.findings.some((f) => !opened.has(f))}
      open={{ mutate: () => open.mutate({ version: drill.version }), isPending: open.isPending, error: open.error }}
      testId="drill-actions"
    />
  );
}

/** A BCP drill: what it exercised, when, how long recovery took and what it found. */
export const DrillFormPage = recordPage(function DrillEditor({ id }: { id: string | undefined }) {
  const { t, i18n } = useTranslation();
  const session = useOrganisationSession();
  const grid = useBcpGrid();
  const lang = i18n.language === 'en' ? 'en' : 'ja';
  const edit = useRegisterRecordEditor(drillRecords, id, {
    empty: EMPTY(),
    valuesOf,
    bodyOf,
    pathOf: (newId) => `${DRILLS}/${newId}`,
    createdMessage: t('continuity.drills.created'),
    savedMessage: t('continuity.drills.saved'),
  });
  const { isNew, record: drill, editor } = edit;
  const { form } = editor;
  const data = drill.data;
  const f = (key: string) => t(`continuity.drills.fields.${key}`);
  const disasters = (grid.data?.disasterTypes ?? []).map((d) => ({ value: d.id, label: d.title[lang] }));
  return (
    <RegisterForm
      {...edit}
      title={isNew ? t('continuity.drills.new') : (data?.title ?? t('continuity.drills.title'))}
      description={t('continuity.drills.description')}
      listPath={BCP}
      labels={registerFormLabels(t, 'continuity.drills', { name: data?.title ?? '' })}
      canWrite={data ? data.can.update : session.organisation.can['continuity.write']}
      needs={grid}
      after={data ? <DrillActions drill={data} /> : null}
    >
      <SectionCard id="drill" title={t('continuity.drills.section')}>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={f('title')} required maxLength={200} {...form.getInputProps('title')} />
            <TextInput type="date" label={f('heldOn')} required {...form.getInputProps('heldOn')} />
            <NativeSelect label={f('mode')} data={BCP_MODES.map((m) => ({ value: m, label: t(`continuity.bcp.mode.${m}`) }))} {...form.getInputProps('mode')} />
            <NativeSelect label={f('disasterTypeId')} required data={[{ value: '', label: '—' }, ...disasters]} {...form.getInputProps('disasterTypeId')} />
            <NumberInput label={f('participants')} min={0} allowDecimal={false} {...form.getInputProps('participants')} />
            <NumberInput label={f('recoveryMinutes')} min={0} max={525600} allowDecimal={false} {...form.getInputProps('recoveryMinutes')} />
          </SimpleGrid>
          <Textarea label={f('findings')} description={t('continuity.drills.findingsHint')} autosize minRows={3} {...form.getInputProps('findings')} />
          <Textarea label={f('notes')} autosize minRows={2} maxLength={4000} {...form.getInputProps('notes')} />
        </Stack>
      </SectionCard>
    </RegisterForm>
  );
});
