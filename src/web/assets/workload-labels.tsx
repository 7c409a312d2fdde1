import { Badge, Group, List, Text, ThemeIcon } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatYenAmount } from '../../shared/assets/asset-money.ts';
import { sourceLabels } from '../../shared/catalog/citation.rules.ts';
import type { TLocale } from '../../shared/schemas/common.schema.ts';
import { useLocaleAndZone } from '../i18n/use-locale-and-zone.ts';
import type { RegisterFormLabels } from '../platform/register/register-form.tsx';
import { registerFormLabels } from '../platform/register/register-form-labels.ts';

/** Small pieces shared by the workload, system and portfolio pages. */

export interface TextPair {
  ja: string;
  en: string;
}

export const pick = (pair: TextPair | null | undefined, locale: TLocale): string => (pair ? pair[locale] : '');

/** A source as readers see it: the document's title and the section in the UI language (src/shared/catalog/citation.rules.ts). */
export function Citation({ source }: { source: string }) {
  const { t } = useTranslation();
  const { locale } = useLocaleAndZone();
  return (
    <Text span size="xs" c="dimmed">
      {t('portfolio.citation.label', { source: sourceLabels([source], locale).join(locale === 'ja' ? '、' : '; ') })}
    </Text>
  );
}

const TONE_COLOR = { ok: 'teal', info: 'blue', warning: 'orange', blocker: 'red' } as const;
const TONE_MARK = { ok: '✓', info: 'i', warning: '!', blocker: '×' } as const;

/** A list of reasons or findings, each with its tone (colour and a mark, never colour alone) and its source. */
export function ReasonList({ items, label }: { items: { key: string; tone: keyof typeof TONE_COLOR; text: ReactNode; source: string }[]; label: string }) {
  const { t } = useTranslation();
  if (!items.length) return null;
  return (
    <List spacing="xs" size="sm" aria-label={label} listStyleType="none" styles={{ itemWrapper: { alignItems: 'flex-start' } }}>
      {items.map((item) => (
        <List.Item
          key={item.key}
          icon={
            <ThemeIcon color={TONE_COLOR[item.tone]} size={20} radius="xl" variant="light" aria-label={t(`portfolio.tone.${item.tone}`)}>
              <span aria-hidden>{TONE_MARK[item.tone]}</span>
            </ThemeIcon>
          }
        >
          <Text size="sm">{item.text}</Text>
          <Citation source={item.source} />
        </List.Item>
      ))}
    </List>
  );
}

/** Badges keep their whole text: in a squeezed table column Mantine would cut it to "…". */
export const NO_ELLIPSIS = { label: { overflow: 'visible' } } as const;

const VERDICT_COLOR = { suitable: 'teal', needsStageXPlan: 'orange', notYet: 'gray' } as const;

export function VerdictBadge({ verdict }: { verdict: keyof typeof VERDICT_COLOR }) {
  const { t } = useTranslation();
  return (
    <Badge color={VERDICT_COLOR[verdict]} variant="light" radius="sm" styles={NO_ELLIPSIS}>
      {t(`workloads.verdict.${verdict}`)}
    </Badge>
  );
}

/** A stage's name as the organisation's loaded stage model writes it (第1段階 アジャイル型 …); "not decided yet" for null. */
export function useStageName(reference: { stages: { stage: string; name: TextPair }[] } | undefined) {
  const { t } = useTranslation();
  const { locale } = useLocaleAndZone();
  return (stage: string | null) => {
    if (stage === null) return t('workloads.stageNone');
    const found = reference?.stages.find((s) => s.stage === stage);
    return found ? pick(found.name, locale) : t('workloads.stageFallback', { stage: stage.toUpperCase() });
  };
}

/** A list in running text: 「A、B」 in Japanese, "A, B" in English. */
export const joinList = (items: readonly string[], locale: TLocale): string => items.join(locale === 'ja' ? '、' : ', ');

/** Yen as the inventory writes it (one formatter for every screen: 8,000万円, 1.2億円; ¥80,000,000 in English). */
export function formatYen(value: string, locale: TLocale): string {
  return formatYenAmount(/^-?\d+$/.test(value) ? value : '0', locale);
}

export function KeyValue({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Group gap={6} wrap="nowrap" align="baseline">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={500}>
        {children}
      </Text>
    </Group>
  );
}

/** The edit form's words of a workload or a system: the two registers name them alike. */
export function usePortfolioFormLabels(register: 'workloads' | 'systems', name: string | undefined): RegisterFormLabels {
  const { t } = useTranslation();
  return registerFormLabels(t, register, { name: name ?? '' }, { back: `${register}.backToList`, deleteTitle: `${register}.deleteTitle` });
}
