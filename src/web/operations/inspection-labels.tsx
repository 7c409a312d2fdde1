import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TInspection } from './operation.query.ts';

const COLOURS: Record<TInspection['standing'], string> = { upcoming: 'gray', dueSoon: 'orange', overdue: 'red' };

export function StandingBadge({ standing }: { standing: TInspection['standing'] }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLOURS[standing]} variant="light">
      {t(`operations.standing.${standing}`)}
    </Badge>
  );
}

/** "Every 3 months from 2026-01-31". */
export function useScheduleLine() {
  const { t } = useTranslation();
  return (i: Pick<TInspection, 'every' | 'unit' | 'startsOn'>) => t('operations.scheduleLine', { every: i.every, unit: t(`operations.units.${i.unit}`), from: i.startsOn });
}
