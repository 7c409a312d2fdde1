import { useTranslation } from 'react-i18next';
import type { TLocale } from '../../shared/schemas/common.schema.ts';
import { useLocaleAndZone } from '../i18n/use-locale-and-zone.ts';
import { labelKey } from './knowledge.rules.ts';

export interface TextPair {
  ja: string;
  en: string;
}

/** Catalog text in the UI language, and the other language for "show the original / translation". */
export function useCatalogText() {
  const { locale } = useLocaleAndZone();
  const other: TLocale = locale === 'ja' ? 'en' : 'ja';
  return {
    locale,
    other,
    pick: (pair: TextPair) => pair[locale],
    pickOther: (pair: TextPair) => pair[other],
  };
}

/** Stage codes of the stage model (seed 000 VI: stages 0-4 and X). An enum made only of these reads as stages. */
const STAGE_CODES = ['0', '1', '2', '3', '4', 'x'];

/**
 * A readable label for an enum value. Files declare only the values, so the UI
 * keeps their labels: per attribute first (`catalog.enum.<attribute>.<value>`),
 * then shared ones (`catalog.enumValue.<value>`), stage codes as stages, and
 * otherwise the value itself (an organisation's own file may use any value).
 */
export function useEnumLabel() {
  const { t, i18n } = useTranslation();
  return (attribute: string, value: string, declaredValues?: readonly string[]): string => {
    const key = labelKey(value);
    const perAttribute = `catalog.enum.${labelKey(attribute)}.${key}`;
    if (i18n.exists(perAttribute)) return t(perAttribute);
    if (declaredValues?.length && declaredValues.every((v) => STAGE_CODES.includes(v)) && STAGE_CODES.includes(value)) {
      return t('catalog.stage', { stage: value.toUpperCase() });
    }
    const shared = `catalog.enumValue.${key}`;
    return i18n.exists(shared) ? t(shared) : value;
  };
}

export function useCollectionTypeLabel() {
  const { t } = useTranslation();
  return (type: string) => t(`catalog.types.${type}`, { defaultValue: type });
}
