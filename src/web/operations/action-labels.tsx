import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PdcaPhase } from '../../shared/operations/corrective-action.rules.ts';

const COLOURS: Record<PdcaPhase, string> = { plan: 'blue', do: 'violet', check: 'orange', act: 'teal', closed: 'gray' };

/** The action's PDCA phase, and "overdue" when it is past its due date. */
export function PhaseBadge({ phase, overdue }: { phase: PdcaPhase; overdue?: boolean }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap">
      <Badge color={COLOURS[phase]} variant="light">
        {t(`operations.actions.phases.${phase}`)}
      </Badge>
      {overdue ? (
        <Badge color="red" variant="filled">
          {t('operations.actions.overdue')}
        </Badge>
      ) : null}
    </Group>
  );
}
