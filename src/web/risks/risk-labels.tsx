import { Badge, Button } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TRating } from '../../shared/risks/risk.schema.ts';

export const LEVEL_COLORS = { low: 'teal', medium: 'yellow', high: 'orange', critical: 'red' } as const;

/** A rating as its level, with likelihood × impact = score. */
export function RatingBadge({ rating }: { rating: TRating }) {
  const { t } = useTranslation();
  return (
    <Badge color={LEVEL_COLORS[rating.level]} variant="light" styles={{ label: { overflow: 'visible' } }}>
      {t(`risks.level.${rating.level}`)} {rating.likelihood}×{rating.impact}={rating.score}
    </Badge>
  );
}

/** Yen for people: 万円 and 億円 in Japanese, grouped digits in English. */
export function yen(value: number, locale: string): string {
  const v = Math.round(value);
  if (locale !== 'ja') return `¥${v.toLocaleString('en')}`;
  if (Math.abs(v) >= 100_000_000) return `${(v / 100_000_000).toLocaleString('ja', { maximumFractionDigits: 2 })}億円`;
  if (Math.abs(v) >= 10_000) return `${(v / 10_000).toLocaleString('ja', { maximumFractionDigits: 1 })}万円`;
  return `${v.toLocaleString('ja')}円`;
}

const COMPACT_YEN = new Intl.NumberFormat('en', { style: 'currency', currency: 'JPY', notation: 'compact' });

/** Yen on a chart's axis, short enough that neighbouring labels do not meet: 1億円 in Japanese, ¥100M in English. */
export const axisYen = (value: number, locale: string): string => (locale === 'ja' ? yen(value, locale) : COMPACT_YEN.format(value));

/** The header action of the register's side pages: back to the risk register. */
export function BackToRegisterButton() {
  const { t } = useTranslation();
  return (
    <Button variant="default" component={Link} to="/risks">
      {t('risks.backToList')}
    </Button>
  );
}
