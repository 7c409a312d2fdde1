import { Alert, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TDeadline } from '../../shared/incidents/incident.schema.ts';
import { toApiError } from '../api/api-client.ts';
import { ProblemAlert, ReloadLatestButton } from '../components/problem-alert.tsx';
import { useLocaleAndZone } from '../i18n/use-locale-and-zone.ts';
import { useSaveReportDraft } from './incident.query.ts';

/**
 * The draft of the report a deadline asks for, item by item as the rule lists
 * them (FACTS.md 1: the APPI report's nine items, the notice's five). A final
 * report (確報) must answer every item; it can start from the preliminary
 * report's draft (速報).
 */
export function ReportDraft({ incidentId, deadline, preliminary, canWrite, onReload }: { incidentId: string; deadline: TDeadline; preliminary: TDeadline | null; canWrite: boolean; onReload: () => void }) {
  const { t } = useTranslation();
  const { locale } = useLocaleAndZone();
  const lang = locale === 'en' ? 'en' : 'ja';
  const save = useSaveReportDraft(incidentId);
  const [answers, setAnswers] = useState(deadline.draft.answers);
  useEffect(() => setAnswers(deadline.draft.answers), [deadline.draft.version, deadline.ruleId]);
  const empty = answers.filter((a) => !a.trim()).length;
  const problem = save.error ? toApiError(save.error) : null;
  const fromPreliminary = preliminary && preliminary.reportItems.length === deadline.reportItems.length ? preliminary.draft.answers : null;
  return (
    <details data-testid="report-draft">
      <summary>
        <Text span size="xs">
          {t('incidents.deadlines.draft')} ({t('incidents.deadlines.draftFilled', { filled: answers.length - empty, total: answers.length })})
        </Text>
      </summary>
      <Stack gap="xs" mt="xs">
        <Text size="xs" c="dimmed">
          {t('incidents.deadlines.draftHint')}
        </Text>
        {deadline.stage === 'final' && empty > 0 ? (
          <Text size="xs" c="orange">
            {t('incidents.deadlines.draftMissing', { count: empty })}
          </Text>
        ) : null}
        {deadline.reportItems.map((item, i) => (
          <Textarea key={i} label={`${i + 1}. ${item[lang]}`} autosize minRows={1} maxLength={4000} readOnly={!canWrite} value={answers[i] ?? ''} onChange={(e) => setAnswers(answers.map((a, j) => (j === i ? e.currentTarget.value : a)))} />
        ))}
        <ProblemAlert problem={problem} extra={problem ? Object.values(problem.fieldErrors) : []} />
        {save.isSuccess && !save.isPending ? <Alert color="green" p="xs">{t('incidents.deadlines.draftSaved')}</Alert> : null}
        {canWrite ? (
          <Group>
            <Button size="xs" loading={save.isPending} onClick={() => save.mutate({ ruleId: deadline.ruleId, answers, version: deadline.draft.version })} data-testid="save-draft">
              {t('incidents.deadlines.draftSave')}
            </Button>
            {deadline.stage === 'final' && fromPreliminary ? (
              <Button size="xs" variant="default" onClick={() => setAnswers(fromPreliminary)}>
                {t('incidents.deadlines.copyFromPreliminary')}
              </Button>
            ) : null}
            <ReloadLatestButton size="xs" problem={problem} onReload={onReload} />
          </Group>
        ) : null}
      </Stack>
    </details>
  );
}
