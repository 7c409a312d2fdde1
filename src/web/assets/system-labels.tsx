import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TCriticality, TPlacement, TStrategy } from '../../shared/schemas/system.schema.ts';
import { useLocaleAndZone } from '../i18n/use-locale-and-zone.ts';
import type { TPortfolio } from './system.query.ts';
import { NO_ELLIPSIS, pick } from './workload-labels.tsx';

/** Labels of the system pages. The 7 Rs are named as the loaded catalog names them (FACTS.md 5). */

const CRITICALITY_COLOR: Record<TCriticality, string> = { critical: 'red', high: 'orange', medium: 'yellow', low: 'gray' };

export function CriticalityBadge({ criticality }: { criticality: TCriticality }) {
  const { t } = useTranslation();
  return (
    <Badge color={CRITICALITY_COLOR[criticality]} variant="light" radius="sm" styles={NO_ELLIPSIS}>
      {t(`systems.criticality.${criticality}`)}
    </Badge>
  );
}

export function useStrategyName(portfolio: TPortfolio | undefined) {
  const { t } = useTranslation();
  const { locale } = useLocaleAndZone();
  return (code: TStrategy | null) => {
    if (code === null) return t('systems.undecided');
    const found = portfolio?.strategies.find((s) => s.code === code);
    return found ? pick(found.name, locale) : code;
  };
}

/** "メーンフレーム → パブリッククラウド", or the one placement when it stays; "廃止" when retired. */
export function PlacementChange({ system }: { system: { currentPlacement: TPlacement; finalPlacement: TPlacement | null } }) {
  const { t } = useTranslation();
  const now = t(`systems.placement.${system.currentPlacement}`);
  if (system.finalPlacement === system.currentPlacement) return <Text size="sm">{now}</Text>;
  const after = system.finalPlacement === null ? t('systems.placement.retired') : t(`systems.placement.${system.finalPlacement}`);
  return (
    <Group gap={4} wrap="wrap">
      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
        {now}
      </Text>
      <Text size="sm" aria-label={t('systems.becomes')}>
        →
      </Text>
      <Text size="sm" fw={500} style={{ whiteSpace: 'nowrap' }}>
        {after}
      </Text>
    </Group>
  );
}
