import { Badge, Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TFunction } from 'i18next';
import type { TSlaFinding } from '../../shared/providers/requirements.schema.ts';
import type { TProvider } from './provider.query.ts';

/** Figures as people read them: at most `digits` decimals, grouped in the UI language. */
export function figure(value: number, locale: string, digits = 3): string {
  return value.toLocaleString(locale === 'ja' ? 'ja-JP' : 'en-US', { maximumFractionDigits: digits });
}

/** A provider's evaluation in the list: its score, knocked out, or not evaluated; with the re-evaluation date. */
export function EvaluationBadge({ evaluation }: { evaluation: TProvider['evaluation'] }) {
  const { t } = useTranslation();
  if (!evaluation) return <Badge variant="light" color="gray">{t('providers.notEvaluated')}</Badge>;
  return (
    <Group gap={4} wrap="nowrap">
      {evaluation.knockedOut ? (
        <Badge variant="light" color="red">
          {t('providers.knockedOut')}
        </Badge>
      ) : evaluation.score !== null ? (
        <Badge variant="light" color="teal">
          {t('providers.scoreOf', { score: Math.round(evaluation.score) })}
        </Badge>
      ) : null}
      <Badge variant="outline" color={evaluation.overdue ? 'red' : 'gray'}>
        {t(evaluation.overdue ? 'providers.evaluationOverdue' : 'providers.evaluationDue', { date: evaluation.dueOn })}
      </Badge>
    </Group>
  );
}

/** The module's pages besides the one shown, as header actions. */
export function ProviderLinks({ except }: { except: 'providers' | 'contracts' | 'fit' | 'sla' }) {
  const { t } = useTranslation();
  const links = [
    { key: 'providers', to: '/providers', label: t('providers.title') },
    { key: 'contracts', to: '/providers/contracts', label: t('providers.links.contracts') },
    { key: 'fit', to: '/providers/fit', label: t('providers.links.compare') },
    { key: 'sla', to: '/providers/sla', label: t('providers.links.sla') },
  ].filter((l) => l.key !== except);
  return (
    <>
      {links.map((l) => (
        <Button key={l.key} variant="default" component={Link} to={l.to}>
          {l.label}
        </Button>
      ))}
    </>
  );
}

/** A contradiction between availability, downtime and recovery, with the arithmetic (FACTS.md 5). */
export function slaFindingText(t: TFunction, f: TSlaFinding, locale: string): string {
  const period = t(`providers.sla.periodWord.${f.period}`);
  const n = (x: number | undefined, digits = 3) => (x === undefined ? '' : figure(x, locale, digits));
  return t(`providers.sla.findings.${f.code}`, {
    availability: n(f.availabilityPercent),
    allowed: n(f.allowedHours, 2),
    stated: n(f.statedHours, 2),
    required: n(f.requiredPercent),
    recovery: n(f.recoveryHours, 2),
    period,
  });
}
