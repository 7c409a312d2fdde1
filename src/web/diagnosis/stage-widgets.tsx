import { Group, Progress, Stack, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import type { TDecision, TStagesOverview } from '../../shared/schemas/diagnosis.schema.ts';
import type { TLocale } from '../../shared/schemas/common.schema.ts';
import type { TDashboard } from '../../shared/schemas/roadmap.schema.ts';
import { formatDate } from '../i18n/format.ts';
import { pick, StageBadge, stageLabel } from './diagnosis-labels.tsx';

/** "開始から 42 日(最低実施期間 6 か月: 2026/07/01 以降)" with a bar. */
export function TimeInStage({ time, t, locale, timeZone }: { time: TStagesOverview['current']['time']; t: TFunction; locale: TLocale; timeZone: string }) {
  return (
    <Stack gap={4}>
      <Text size="sm">
        {t('diagnosis.time.spent', { days: time.daysSpent, date: formatDate(time.enteredAt, locale, timeZone) })}
      </Text>
      {time.minimumMonths ? (
        <>
          <Progress value={time.progress * 100} color={time.minimumMet ? 'teal' : 'blue'} size="md" aria-label={t('diagnosis.time.progressLabel')} />
          <Text size="xs" c="dimmed">
            {time.minimumMet
              ? t('diagnosis.time.minimumMet', { months: time.minimumMonths })
              : t('diagnosis.time.minimumUntil', { months: time.minimumMonths, date: formatDate(time.minimumReachedAt, locale, timeZone) })}
          </Text>
        </>
      ) : null}
    </Stack>
  );
}

/** Where the organisation stands: its stage (and stage X while under way), the stage's name and the time in it. */
export function CurrentStage({ stage, t, locale, timeZone, testId }: { stage: TDashboard['stage']; t: TFunction; locale: TLocale; timeZone: string; testId?: string }) {
  return (
    <>
      <Group gap="xs" data-testid={testId}>
        <StageBadge stage={stage.current} t={t} size="lg" />
        {stage.xActive ? <StageBadge stage="x" t={t} size="lg" /> : null}
      </Group>
      {/* Stage 0's name is its label (「第0段階」): the badge already says it. */}
      {pick(stage.name, locale) !== stageLabel(t, stage.current) ? (
        <Text fw={600} size="sm">
          {pick(stage.name, locale)}
        </Text>
      ) : null}
      <TimeInStage time={stage.time} t={t} locale={locale} timeZone={timeZone} />
    </>
  );
}

export function decisionText(d: Pick<TDecision, 'track' | 'outcome' | 'fromStage' | 'toStage'>, t: TFunction) {
  if (d.track === 'x') return t(`diagnosis.decision.xDone.${d.outcome}`);
  return t(`diagnosis.decision.done.${d.outcome}`, { from: stageLabel(t, d.fromStage), to: stageLabel(t, d.toStage) });
}


/**
 * The next gate once nothing is missing: every evaluation item recorded, or,
 * for a gate that has none (stage 0 → 1), where the decision is recorded
 * instead of a claim that items are complete.
 */
export function GateComplete({ gate, t }: { gate: TDashboard['stage']['gate']; t: TFunction }) {
  return (
    <Text size="sm" c={gate?.items.length ? 'teal.8' : undefined}>
      {t(gate?.items.length ? 'diagnosis.dashboard.gateReady' : 'diagnosis.dashboard.gateNoItems')}
    </Text>
  );
}
