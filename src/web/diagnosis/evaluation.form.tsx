import { Button, Group, Radio, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { TGate } from '../../shared/schemas/diagnosis.schema.ts';
import { useServerErrors } from '../api/use-server-errors.ts';
import { ProblemAlert } from '../components/problem-alert.tsx';
import { useLocaleAndZone } from '../i18n/use-locale-and-zone.ts';
import { useRecordEvaluation } from './diagnosis.query.ts';

const RESULTS = ['satisfactory', 'concerns', 'unsatisfactory'] as const;

/** Records an evaluation of a gate item (seed 000 II.6 評価・決断), by the people who evaluated. */
export function EvaluationForm({ gate, onRecorded }: { gate: TGate; onRecorded?: () => void }) {
  const { t } = useTranslation();
  const { locale } = useLocaleAndZone();
  const record = useRecordEvaluation();
  const firstMissing = gate.items.find((i) => gate.missing.includes(i.item.id)) ?? gate.items[0];
  const form = useForm({
    mode: 'controlled',
    initialValues: { gateItemId: firstMissing?.item.id ?? '', result: 'satisfactory' as (typeof RESULTS)[number], evaluators: '', summary: '' },
    validate: {
      gateItemId: (v) => (v ? null : t('common.required')),
      evaluators: (v) => (v.trim() ? null : t('common.required')),
      summary: (v) => (v.trim() ? null : t('common.required')),
    },
  });
  const errors = useServerErrors(form);
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((v) => {
        errors.clear();
        record.mutate(
          { gateItemId: v.gateItemId, result: v.result, evaluators: v.evaluators.trim(), summary: v.summary.trim() },
          {
            onSuccess: () => {
              form.reset();
              onRecorded?.();
            },
            onError: errors.apply,
          },
        );
      })}
    >
      <Stack gap="sm">
        <Select
          label={t('diagnosis.gate.item')}
          data={gate.items.map((i) => ({ value: i.item.id, label: i.item.text[locale] }))}
          allowDeselect={false}
          required
          {...form.getInputProps('gateItemId')}
        />
        <Radio.Group label={t('diagnosis.gate.result')} required {...form.getInputProps('result')}>
          <Group mt={4}>
            {RESULTS.map((r) => (
              <Radio key={r} value={r} label={t(`diagnosis.gate.results.${r}`)} />
            ))}
          </Group>
        </Radio.Group>
        <TextInput label={t('diagnosis.gate.evaluators')} description={t('diagnosis.gate.evaluatorsHint')} required maxLength={500} {...form.getInputProps('evaluators')} />
        <Textarea label={t('diagnosis.gate.summary')} description={t('diagnosis.gate.summaryHint')} required autosize minRows={3} maxLength={4000} {...form.getInputProps('summary')} />
        <ProblemAlert problem={errors.problem} extra={errors.otherFieldMessages} onClose={errors.clear} />
        <Group justify="flex-end">
          <Button type="submit" loading={record.isPending}>
            {t('diagnosis.gate.record')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
