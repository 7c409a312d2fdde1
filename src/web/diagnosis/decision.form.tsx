import { Alert, Button, Group, Radio, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { TStage, TStagesOverview } from '../../shared/schemas/diagnosis.schema.ts';
import { useServerErrors } from '../api/use-server-errors.ts';
import { ProblemAlert } from '../components/problem-alert.tsx';
import { formatDate } from '../i18n/format.ts';
import { useLocaleAndZone } from '../i18n/use-locale-and-zone.ts';
import { stageLabel } from './diagnosis-labels.tsx';
import { useRecordDecision } from './diagnosis.query.ts';

type Outcome = 'advance' | 'stay' | 'step-back';
const OUTCOMES: Outcome[] = ['advance', 'stay', 'step-back'];

/**
 * The executive's decision at the gate: advance, stay or step back, with a
 * reason and, where needed, a third party's opinion. The options and why an
 * option is not possible come from the server (the rules are not repeated here).
 */
export function DecisionForm({ overview, track, onDecided }: { overview: TStagesOverview; track: 'main' | 'x'; onDecided?: (id: string) => void }) {
  const { t } = useTranslation();
  const { locale, timeZone } = useLocaleAndZone();
  const decide = useRecordDecision();
  const options = overview.options[track];
  const firstPossible = OUTCOMES.find((o) => options[o].possible) ?? 'stay';
  const form = useForm({
    mode: 'controlled',
    initialValues: { outcome: firstPossible as Outcome, toStage: '' as string, reason: '', thirdPartyName: '', thirdPartyOpinion: '' },
    validate: { reason: (v) => (v.trim() ? null : t('common.required')) },
  });
  const errors = useServerErrors(form);
  const outcome = form.values.outcome;
  const current = overview.current.stage;
  const version = track === 'main' ? overview.current.version : overview.x.version;
  const backTargets = (['0', '1', '2', '3'] as TStage[]).filter((s) => Number(s) < Number(current));
  const why = (o: Outcome) => {
    const code = options[o].code;
    return code ? t(`errors.${code}`, { count: overview.gate?.missing.length ?? 0, stage: '', stages: overview.x.runsAlongside.join(', ') }) : null;
  };
  const label = (o: Outcome) =>
    track === 'x'
      ? t(`diagnosis.decision.x.${o}`)
      : t(`diagnosis.decision.outcomes.${o}`, { stage: stageLabel(t, options[o].toStage ?? current) });
  const time = overview.current.time;

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((v) => {
        errors.clear();
        decide.mutate(
          {
            track,
            outcome: v.outcome,
            toStage: v.toStage ? (v.toStage as TStage) : undefined,
            reason: v.reason.trim(),
            thirdPartyName: v.thirdPartyName.trim() || null,
            thirdPartyOpinion: v.thirdPartyOpinion.trim() || null,
            version,
          },
          {
            onSuccess: (d) => {
              form.reset();
              onDecided?.(d.id);
            },
            onError: errors.apply,
          },
        );
      })}
    >
      <Stack gap="sm">
        <Radio.Group label={t('diagnosis.decision.outcome')} required {...form.getInputProps('outcome')} onChange={(v) => form.setValues({ outcome: v as Outcome, toStage: '' })}>
          <Stack gap={6} mt={4}>
            {OUTCOMES.map((o) => (
              <Radio key={o} value={o} label={label(o)} description={why(o)} disabled={!options[o].possible} />
            ))}
          </Stack>
        </Radio.Group>
        {track === 'main' && outcome === 'advance' && overview.advanceTargets.length > 1 ? (
          <Select
            label={t('diagnosis.decision.toStage')}
            description={t('diagnosis.decision.toStageHint', { proposed: stageLabel(t, overview.diagnosis.proposedStage) })}
            data={overview.advanceTargets.map((s) => ({ value: s, label: stageLabel(t, s) }))}
            placeholder={stageLabel(t, overview.advanceTargets[0])}
            clearable
            {...form.getInputProps('toStage')}
          />
        ) : null}
        {track === 'main' && outcome === 'step-back' && backTargets.length > 1 ? (
          <Select label={t('diagnosis.decision.backTo')} data={backTargets.map((s) => ({ value: s, label: stageLabel(t, s) }))} placeholder={stageLabel(t, backTargets[backTargets.length - 1])} clearable {...form.getInputProps('toStage')} />
        ) : null}
        {track === 'main' && outcome === 'advance' && !time.minimumMet && time.minimumReachedAt ? (
          <Alert color="yellow" variant="light" title={t('diagnosis.decision.minimumNotMet', { months: time.minimumMonths, date: formatDate(time.minimumReachedAt, locale, timeZone) })}>
            <Text size="sm">{t('diagnosis.decision.minimumNotMetHint')}</Text>
          </Alert>
        ) : null}
        {track === 'main' && outcome === 'advance' && overview.gate && overview.gate.unfavourable.length ? (
          <Alert color="orange" variant="light" title={t('diagnosis.decision.unfavourable', { count: overview.gate.unfavourable.length })} />
        ) : null}
        <Textarea label={t('diagnosis.decision.reason')} description={t('diagnosis.decision.reasonHint')} required autosize minRows={3} maxLength={4000} {...form.getInputProps('reason')} />
        <TextInput label={t('diagnosis.decision.thirdPartyName')} description={t('diagnosis.decision.thirdPartyHint')} maxLength={200} {...form.getInputProps('thirdPartyName')} />
        <Textarea label={t('diagnosis.decision.thirdPartyOpinion')} autosize minRows={2} maxLength={4000} {...form.getInputProps('thirdPartyOpinion')} />
        <ProblemAlert problem={errors.problem} extra={errors.otherFieldMessages} onClose={errors.clear} />
        <Group justify="flex-end">
          <Button type="submit" loading={decide.isPending} disabled={!options[outcome].possible}>
            {t('diagnosis.decision.record')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
