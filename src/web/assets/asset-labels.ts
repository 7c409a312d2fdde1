import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatYen, formatYenAmount } from '../../shared/assets/asset-money.ts';
import type { TAsset, TAssetChoices } from '../../shared/schemas/asset.schema.ts';
import { useLocaleAndZone } from '../i18n/use-locale-and-zone.ts';

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
      count: (n: number) => new Intl.NumberFormat(locale === 'ja' ? 'ja-JP' : 'en-GB').format(n),
    };
  }, [choices, locale, t]);
}
