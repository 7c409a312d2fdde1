import { Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TBackupPlan } from './continuity.query.ts';

// Long reasons wrap inside their badge instead of being cut off.
export const plain = { textTransform: 'none', whiteSpace: 'normal', height: 'auto' } as const;

type Score = TBackupPlan['scores'][number];

/** A rule's badge: met, or how many of its points the plan meets. */
export function RuleBadge({ score }: { score: Score }) {
  const { t } = useTranslation();
  return (
    <Badge color={score.met ? 'green' : 'orange'} variant="light" style={plain} data-testid={`rule-${score.code}`}>
      {`${score.code} ${score.met ? t('continuity.backups.met') : t('continuity.backups.parts', { met: score.metParts, parts: score.parts })}`}
    </Badge>
  );
}

/** Each point a rule misses, with what the plan has and what is needed. */
export function MissingPoints({ score }: { score: Score }) {
  const { t } = useTranslation();
  return (
    <Stack gap={2}>
      {score.missing.map((m) => (
        <Text key={m.measure} size="sm">
          {t(`continuity.backups.missing.${m.reason}.${m.measure}`, { required: m.required, actual: m.actual ?? 0 })}
        </Text>
      ))}
    </Stack>
  );
}

/** The plan against every rule, each with its missing points, and the warnings beyond them. */
export function PlanScores({ plan }: { plan: TBackupPlan }) {
  const { t } = useTranslation();
  if (!plan.scores.length) return <Text size="sm">{t('continuity.backups.noRules')}</Text>;
  return (
    <Stack gap="xs" data-testid="plan-scores">
      {plan.scores.map((s) => (
        <Stack key={s.ruleId} gap={2}>
          <Group gap="xs">
            <RuleBadge score={s} />
          </Group>
          <MissingPoints score={s} />
        </Stack>
      ))}
      {plan.warnings.map((w) => (
        <Text key={w} size="sm" c="orange.8">
          {t(`continuity.backups.warning.${w}`)}
        </Text>
      ))}
    </Stack>
  );
}

/** How long, in the units a person reads: minutes, hours and minutes, or whole days. */
export function useDuration() {
  const { t } = useTranslation();
  return (minutes: number | null) => {
    if (minutes === null) return '—';
    if (minutes === 0) return t('continuity.recovery.duration.zero');
    if (minutes < 60) return t('continuity.recovery.duration.minutes', { count: minutes });
    if (minutes % 1440 === 0) return t('continuity.recovery.duration.days', { days: minutes / 1440 });
    const hours = Math.floor(minutes / 60);
    return minutes % 60 ? t('continuity.recovery.duration.hours', { hours, minutes: minutes % 60 }) : t('continuity.recovery.duration.wholeHours', { hours });
  };
}
