import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatYen, formatYenAmount } from '../../shared/assets/asset-money.ts';
import { sourceLabels } from '../../shared/catalog/citation.rules.ts';
import type { TAsset, TAssetChoices } from '../../shared/schemas/asset.schema.ts';
import { useLocaleAndZone } from '../i18n/use-locale-and-zone.ts';

/** Where the inventory's model comes from: seed 000's worked example and its tables of information and impact. */
const ASSET_MODEL_SOURCES = ['000_2afa2b1b220c6436.txt III.3.3 図11', '000_2afa2b1b220c6436.txt III.4 表7・表8・表9'];

/** Labels the inventory screens share: catalog items in the user's language, owners, amounts in 円 and 万円. */
export function useAssetLabels(choices: TAssetChoices | undefined) {
  const { t } = useTranslation();
  const { locale } = useLocaleAndZone();
  return useMemo(() => {
    const items = new Map([...(choices?.assetClasses ?? []), ...(choices?.informationGroups ?? []), ...(choices?.riskCategories ?? [])].map((c) => [c.id, c.label]));
    return {
      locale,
      catalog: (id: string | null) => (id ? (items.get(id)?.[locale] ?? id) : t('assets.unset')),
      owner: (o: TAsset['owner'], department?: TAsset['ownerDepartment']) =>
        department ? department.name : !o ? t('assets.noOwner') : o.member ? o.displayName : t('assets.formerMember', { name: o.displayName }),
      yen: (v: string | bigint) => formatYen(v, locale),
      man: (v: string | bigint) => formatYenAmount(v, 'ja'),
      /** 万円 for Japanese readers (as the seed writes totals), with yen alongside. */
      amount: (v: string | bigint) => (locale === 'ja' ? `${formatYenAmount(v, 'ja')}（${formatYen(v, 'ja')}）` : formatYen(v, 'en')),
      /** The inventory's sources, by document title, for the page's "出典" line. */
      source: t('assets.source', { source: sourceLabels(ASSET_MODEL_SOURCES, locale).join(locale === 'ja' ? '、' : '; ') }),
      count: (n: number) => new Intl.NumberFormat(locale === 'ja' ? 'ja-JP' : 'en-GB').format(n),
    };
  }, [choices, locale, t]);
}
