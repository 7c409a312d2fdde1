import { Badge, Group, List, Text, ThemeIcon } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TLocale } from '../../shared/schemas/common.schema.ts';
import { formatNumber } from '../i18n/format.ts';
import { useLocaleAndZone } from '../i18n/use-locale-and-zone.ts';

/** Small pieces shared by the workload, system and portfolio pages. */

export interface TextPair {
  ja: string;
  en: string;
}

export const pick = (pair: TextPair | null | undefined, locale: TLocale): string => (pair ? pair[locale] : '');

const SEED_NAMES: Record<string, string> = {
  '000_2afa2b1b220c6436.txt': 'seed000',
  '004_eaa084eda4e01963.txt': 'seed004',
};

/** A citation with the seed's file name read as the document's name (the raw text in the tooltip). */
export function Citation({ source }: { source: string }) {
  const { t, i18n } = useTranslation();
  const text = source
    .split(', ')
    .map((part) => {
      const [head, ...rest] = part.split(' ');
      // FACTS.md is the project's own list of public sources: readers see what it cites.
      if (head === 'FACTS.md') return t('portfolio.citation.facts');
      const key = SEED_NAMES[head];
      if (!key) return part;
      // The seeds' table numbers read as tables in English (表5 → Table 5).
      const section = rest.join(' ');
      return [t(`portfolio.citation.${key}`), i18n.language === 'en' ? section.replace(/表(\d+)/g, 'Table $1') : section].join(' ');
    })
    .join(', ');
  return (
    <Text span size="xs" c="dimmed" title={source}>
      {t('portfolio.citation.label', { source: text })}
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

/** Exact yen as 万円 / 億円 where the seeds use them (III.3.3 図11: 3,000 万). */
export function formatYen(value: string, locale: TLocale): string {
  const yen = /^\d+$/.test(value) ? BigInt(value) : 0n;
  if (locale === 'ja') {
    if (yen >= 100_000_000n) {
      const tenths = (yen * 10n) / 100_000_000n;
      return `${formatNumber(Number(tenths) / 10, locale)} 億円`;
    }
    if (yen >= 10_000n) return `${formatNumber(Number(yen / 10_000n), locale)} 万円`;
    return `${formatNumber(Number(yen), locale)} 円`;
  }
  return `¥${formatNumber(Number(yen), locale)}`;
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
