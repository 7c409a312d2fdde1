import { Badge, Text, type MantineColor } from '@mantine/core';
import type { TFunction } from 'i18next';
import type { TAnswerValue, TDiagnosis, TReason, TStage, TTextPair } from '../../shared/schemas/diagnosis.schema.ts';
import { formatYenAmount } from '../../shared/assets/asset-money.ts';
import { sourceLabels } from '../../shared/catalog/citation.rules.ts';
import type { TLocale } from '../../shared/schemas/common.schema.ts';

/** Small pieces shared by the diagnosis pages and the report (which passes its own language's `t`). */

export const pick = (pair: TTextPair | null | undefined, locale: TLocale): string => (pair ? pair[locale] : '');

/** "第1段階" / "Stage 1"; stage X as the seed writes it. */
export const stageLabel = (t: TFunction, stage: TStage | null | undefined) => (stage === null || stage === undefined ? '—' : t('diagnosis.stage.short', { stage: stage === 'x' ? 'X' : stage }));

const STAGE_COLOR: Record<TStage, MantineColor> = { '0': 'gray', '1': 'blue', '2': 'cyan', '3': 'teal', '4': 'green', x: 'grape' };

export function StageBadge({ stage, t, size = 'md' }: { stage: TStage; t: TFunction; size?: 'sm' | 'md' | 'lg' | 'xl' }) {
  return (
    <Badge color={STAGE_COLOR[stage]} size={size} variant="filled" radius="sm" tt="none" style={{ flexShrink: 0 }}>
      {stageLabel(t, stage)}
    </Badge>
  );
}

const ANSWER_COLOR: Record<TAnswerValue, MantineColor> = { yes: 'teal', no: 'red', unknown: 'yellow' };

export function AnswerBadge({ answer, t }: { answer: TAnswerValue | null; t: TFunction }) {
  if (!answer) return <Text span size="sm" c="dimmed">{t('diagnosis.answer.none')}</Text>;
  return (
    <Badge color={ANSWER_COLOR[answer]} variant="light" radius="sm" tt="none">
      {t(`diagnosis.answer.${answer}`)}
    </Badge>
  );
}

/** Yen as the seeds write amounts (50万円, 1.2億円; ¥500,000 in English): the one formatter every screen uses. */
export function formatYen(yen: number | null | undefined, locale: TLocale): string {
  return yen === null || yen === undefined ? '—' : formatYenAmount(Math.round(yen), locale);
}

export const formatYenRange = (range: { minYen: number; maxYen: number } | null, locale: TLocale) =>
  range ? (locale === 'ja' ? `${formatYen(range.minYen, locale).replace('万円', '')}〜${formatYen(range.maxYen, locale)}` : `${formatYen(range.minYen, locale)}–${formatYen(range.maxYen, locale)}`) : '—';

/** An item named by a reason: "1.1 貴組織では、…". */
export function itemName(d: Pick<TDiagnosis, 'items'>, id: string, locale: TLocale): string {
  const item = d.items[id];
  if (!item) return id;
  return item.number ? `${item.number} ${item.text[locale]}` : item.text[locale];
}

const checklistName = (d: Pick<TDiagnosis, 'checklists'>, id: string, locale: TLocale) => pick(d.checklists.find((c) => c.id === id)?.name, locale) || id;

/** One reason of the diagnosis in words (the rule gave the facts; the words are the UI's). */
export function reasonText(reason: TReason, d: Pick<TDiagnosis, 'items' | 'checklists'>, t: TFunction, locale: TLocale): { text: string; items: string[] } {
  switch (reason.code) {
    case 'zeroStageIfNo':
      return { text: t('diagnosis.reason.zeroStageIfNo'), items: reason.itemIds.map((id) => itemName(d, id, locale)) };
    case 'screeningUnanswered':
      return { text: t('diagnosis.reason.screeningUnanswered', { count: reason.itemIds.length }), items: reason.itemIds.map((id) => itemName(d, id, locale)) };
    case 'passRuleMet':
    case 'passRuleNotMet':
      return {
        text: t(`diagnosis.reason.${reason.code}.${reason.passRule}`, { checklist: checklistName(d, reason.checklistId, locale), yes: reason.yes, total: reason.total, stage: stageLabel(t, reason.stage) }),
        items: [],
      };
    case 'readyFor':
      return { text: t('diagnosis.reason.readyFor', { checklist: checklistName(d, reason.checklistId, locale), stage: stageLabel(t, reason.stage) }), items: [] };
    case 'notReadyFor':
      return {
        text: t('diagnosis.reason.notReadyFor', { checklist: checklistName(d, reason.checklistId, locale), stage: stageLabel(t, reason.stage), count: reason.missing.length }),
        items: reason.missing.map((id) => itemName(d, id, locale)),
      };
    case 'readyForNeedsPreviousStage':
      return { text: t('diagnosis.reason.readyForNeedsPreviousStage', { checklist: checklistName(d, reason.checklistId, locale), stage: stageLabel(t, reason.stage), requires: stageLabel(t, reason.requires) }), items: [] };
    case 'unanswered':
      return { text: t('diagnosis.reason.unanswered', { checklist: checklistName(d, reason.checklistId, locale), count: reason.itemIds.length }), items: [] };
  }
}

/** Seed 000 I.3 表1: cloud use by industry, the figure beside an industry. */
export const INDUSTRY_USAGE_SOURCE = '000_2afa2b1b220c6436.txt I.3 表1';

/** Sources as readers see them: each document by its title, the section in the language (src/shared/catalog/citation.rules.ts). */
export const citations = (sources: readonly string[], locale: TLocale, separator = locale === 'ja' ? '、' : '; '): string =>
  sourceLabels(sources, locale).join(separator);

/** A calendar day (yyyy-mm-dd, no time zone) as the locale writes dates. */
export const formatDay = (day: string | null | undefined, locale: TLocale) =>
  day ? new Intl.DateTimeFormat(locale === 'ja' ? 'ja-JP' : 'en-GB', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`)) : '—';
