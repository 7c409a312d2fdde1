import { Alert, Anchor, Badge, Button, Collapse, Group, Paper, Progress, SegmentedControl, Stack, Text, Textarea, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { TAnswerValue, TAssessment, TQuestion } from '../../shared/schemas/diagnosis.schema.ts';
import { toApiError, type ApiError } from '../api/api-client.ts';
import { ConfirmModal } from '../components/confirm-modal.tsx';
import { SectionLoader } from '../components/full-page-loader.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { ProblemAlert, ReloadLatestButton } from '../components/problem-alert.tsx';
import { formatDateTime } from '../i18n/format.ts';
import { useLocaleAndZone } from '../i18n/use-locale-and-zone.ts';
import { EvidenceFiles } from '../platform/evidence/evidence-files.tsx';
import { AnswerBadge, citations, pick } from './diagnosis-labels.tsx';
import { answerEvidenceUrl, removeAnswerEvidence, useAnswer, useAssessment, useDiscardAssessment, useRefreshDiagnosis, useSubmitAssessment } from './diagnosis.query.ts';

const ANSWERS: TAnswerValue[] = ['yes', 'no', 'unknown'];

/** Who answered a question last, and when. */
function AnsweredBy({ answer }: { answer: TQuestion['answer'] }) {
  const { t } = useTranslation();
  const { locale, timeZone } = useLocaleAndZone();
  if (!answer?.answeredBy) return null;
  return (
    <Text size="xs" c="dimmed">
      {t('diagnosis.assessment.answeredBy', { name: answer.answeredBy, date: formatDateTime(answer.answeredAt, locale, timeZone) })}
    </Text>
  );
}

function QuestionCard({ a, q, onProblem }: { a: TAssessment; q: TQuestion; onProblem: (p: ApiError | null) => void }) {
  const { t } = useTranslation();
  const { locale } = useLocaleAndZone();
  const answer = useAnswer(a.id);
  const refresh = useRefreshDiagnosis();
  const [comment, setComment] = useState(q.answer?.comment ?? '');
  const [detail, setDetail] = useState(false);
  useEffect(() => setComment(q.answer?.comment ?? ''), [q.answer?.comment]);
  const editable = a.can.answer;
  const label = q.number ? `${q.number}` : q.text[locale];
  const save = (patch: { answer?: TAnswerValue | null; comment?: string | null }) => {
    onProblem(null);
    answer.mutate({ itemId: q.id, ...patch, version: q.answer?.version ?? 0 }, { onError: (e) => onProblem(toApiError(e)) });
  };
  const headingId = `q-${q.id.split(':').pop()!.replace(/\./g, '-')}`;
  return (
    <Paper withBorder p="md" component="article" aria-labelledby={headingId} data-testid="question" data-item={q.id}>
      <Stack gap="xs">
        <Group gap="sm" wrap="nowrap" align="flex-start">
          {q.number ? (
            <Badge tt="none" variant="light" radius="sm" size="lg" style={{ flexShrink: 0 }}>
              {q.number}
            </Badge>
          ) : null}
          <Title order={2} fz="md" fw={600} id={headingId} style={{ lineHeight: 1.6 }}>
            {q.text[locale]}
          </Title>
        </Group>
        {q.group ? (
          <Text size="xs" c="dimmed">
            {q.group[locale]}
          </Text>
        ) : null}
        {q.detail ? (
          <>
            <Anchor component="button" type="button" size="sm" onClick={() => setDetail((v) => !v)} aria-expanded={detail} style={{ alignSelf: 'flex-start' }}>
              {detail ? t('diagnosis.assessment.hideDetail') : t('diagnosis.assessment.showDetail')}
            </Anchor>
            <Collapse expanded={detail}>
              <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-line' }}>
                {q.detail[locale]}
              </Text>
            </Collapse>
          </>
        ) : null}
        {editable ? (
          <Group gap="md" align="center">
            <SegmentedControl
              aria-label={t('diagnosis.assessment.answerFor', { item: label })}
              value={q.answer?.answer ?? ''}
              onChange={(v) => save({ answer: v as TAnswerValue })}
              data={ANSWERS.map((v) => ({ value: v, label: t(`diagnosis.answer.${v}`) }))}
              color={q.answer?.answer === 'yes' ? 'teal' : q.answer?.answer === 'no' ? 'red' : q.answer?.answer === 'unknown' ? 'yellow' : undefined}
              disabled={answer.isPending}
            />
            <AnsweredBy answer={q.answer} />
          </Group>
        ) : (
          <Group gap="sm">
            <AnswerBadge answer={q.answer?.answer ?? null} t={t} />
            <AnsweredBy answer={q.answer} />
          </Group>
        )}
        {q.answer?.answer === 'no' && q.action ? (
          <Alert variant="light" color="orange" title={t('diagnosis.assessment.actionIfNo')} p="xs">
            <Text size="sm">{q.action[locale]}</Text>
          </Alert>
        ) : null}
        {q.answer?.answer === 'no' && q.highRiskIfNo ? <Text size="sm" c="red.8">{t('diagnosis.assessment.highRiskIfNo')}</Text> : null}
        {q.answer?.answer === 'no' && q.zeroStageIfNo ? <Text size="sm" c="orange.9">{t('diagnosis.assessment.zeroStageIfNo')}</Text> : null}
        {editable ? (
          <Textarea
            label={t('diagnosis.assessment.comment', { item: label })}
            autosize
            minRows={1}
            maxRows={6}
            maxLength={2000}
            value={comment}
            onChange={(e) => setComment(e.currentTarget.value)}
            onBlur={() => {
              if (comment !== (q.answer?.comment ?? '')) save({ comment: comment.trim() || null });
            }}
          />
        ) : q.answer?.comment ? (
          <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
            <Text span size="sm" c="dimmed">
              {t('diagnosis.assessment.commentShort')}:{' '}
            </Text>
            {q.answer.comment}
          </Text>
        ) : null}
        <EvidenceFiles
          files={q.answer?.evidence ?? []}
          uploadUrl={editable ? answerEvidenceUrl(a.id, q.id) : null}
          onRemove={editable ? (f) => removeAnswerEvidence(a.id, q.id, f.id) : undefined}
          onChanged={() => void refresh()}
          label={label}
        />
        <Text size="xs" c="dimmed">
          {t('diagnosis.source', { source: citations(q.source, locale) })}
        </Text>
      </Stack>
    </Paper>
  );
}

/** One assessment: a draft to answer (saved as you go) and submit, or a submitted one to read. */
export function AssessmentPage() {
  const { t } = useTranslation();
  const { locale, timeZone } = useLocaleAndZone();
  const { assessmentId = '' } = useParams();
  const navigate = useNavigate();
  const assessment = useAssessment(assessmentId);
  const submit = useSubmitAssessment();
  const discard = useDiscardAssessment();
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [confirm, setConfirm] = useState<'submit' | 'discard' | null>(null);
  const a = assessment.data;

  if (assessment.isPending) return <SectionLoader />;
  if (!a) return <ProblemAlert problem={toApiError(assessment.error)} />;
  const s = a.score;
  const draft = a.status === 'draft';
  return (
    <>
      <PageHeader
        title={pick(a.checklist.name, locale)}
        description={
          draft
            ? t('diagnosis.assessment.draftDescription')
            : t('diagnosis.assessment.submittedDescription', { date: formatDateTime(a.submittedAt, locale, timeZone), name: a.submittedBy ?? '' })
        }
        actions={
          <Group gap="xs">
            <Badge tt="none" color={draft ? 'yellow' : 'teal'} variant="light" size="lg" radius="sm">
              {draft ? t('diagnosis.assessment.statusDraft') : t('diagnosis.assessment.statusSubmitted')}
            </Badge>
            <Button component={Link} to="/diagnosis" variant="default">
              {t('diagnosis.assessment.back')}
            </Button>
          </Group>
        }
      />
      <Paper withBorder p="md" mb="md" pos="sticky" top={72} style={{ zIndex: 5 }} data-testid="score-panel">
        <Group justify="space-between" wrap="wrap" gap="sm">
          <Stack gap={4} miw={260} style={{ flex: 1 }}>
            <Text fw={700} fz="lg" data-testid="score-text">
              {s.text[locale]}
            </Text>
            <Progress.Root size="lg" aria-label={t('diagnosis.assessment.progress')}>
              <Progress.Section value={(s.yes / s.total) * 100} color="teal" />
              <Progress.Section value={(s.no / s.total) * 100} color="red" />
              <Progress.Section value={(s.unknown / s.total) * 100} color="yellow" />
            </Progress.Root>
            <Text size="sm" c="dimmed">
              {t('diagnosis.assessment.counts', { yes: s.yes, no: s.no, unknown: s.unknown, unanswered: s.unanswered })}
            </Text>
          </Stack>
          {draft && a.can.submit ? (
            <Group gap="xs">
              <Button variant="subtle" color="red" onClick={() => setConfirm('discard')}>
                {t('diagnosis.assessment.discard')}
              </Button>
              <Button onClick={() => setConfirm('submit')} disabled={s.unanswered > 0}>
                {t('diagnosis.assessment.submit')}
              </Button>
            </Group>
          ) : null}
          {!draft && a.previousId ? (
            <Button component={Link} to={`/diagnosis/assessments/${a.id}/compare?with=${a.previousId}`} variant="light">
              {t('diagnosis.assessment.compareWithPrevious')}
            </Button>
          ) : null}
        </Group>
        {draft && s.unanswered > 0 && a.can.submit ? (
          <Text size="xs" c="dimmed" mt={4}>
            {t('diagnosis.assessment.submitHint', { count: s.unanswered })}
          </Text>
        ) : null}
      </Paper>
      <ProblemAlert problem={problem} mb="md" onClose={() => setProblem(null)} />
      <ReloadLatestButton problem={problem} mb="md" onReload={() => { setProblem(null); void assessment.refetch(); }} />
      {a.checklist.detail ? (
        <Text size="sm" c="dimmed" mb="md" style={{ whiteSpace: 'pre-line' }}>
          {a.checklist.detail[locale]}
        </Text>
      ) : null}
      <Stack gap="sm">
        {a.questions.map((q) => (
          <QuestionCard key={q.id} a={a} q={q} onProblem={setProblem} />
        ))}
      </Stack>
      <Text size="xs" c="dimmed" mt="md">
        {t('diagnosis.assessment.catalogVersion', { version: a.catalogVersion })}
      </Text>
      <ConfirmModal
        opened={confirm === 'submit'}
        title={t('diagnosis.assessment.submitTitle')}
        message={t('diagnosis.assessment.submitMessage', { score: s.text[locale] })}
        confirmLabel={t('diagnosis.assessment.submit')}
        loading={submit.isPending}
        problem={submit.error ? toApiError(submit.error) : null}
        onClose={() => { submit.reset(); setConfirm(null); }}
        onConfirm={() => submit.mutate({ id: a.id, version: a.version }, { onSuccess: () => { setConfirm(null); navigate('/diagnosis'); } })}
      />
      <ConfirmModal
        opened={confirm === 'discard'}
        title={t('diagnosis.assessment.discardTitle')}
        message={t('diagnosis.assessment.discardMessage')}
        confirmLabel={t('diagnosis.assessment.discard')}
        danger
        loading={discard.isPending}
        problem={discard.error ? toApiError(discard.error) : null}
        onClose={() => { discard.reset(); setConfirm(null); }}
        onConfirm={() => discard.mutate(a.id, { onSuccess: () => navigate('/diagnosis') })}
      />
    </>
  );
}
