import { Badge, Group, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TStaffingPerson, TStaffingRole } from './staffing.query.ts';

const CERT_COLOR: Record<TStaffingPerson['certifications'][number]['standing'], string> = { valid: 'green', expiringSoon: 'yellow', expired: 'red' };
const plain = { textTransform: 'none' } as const;

/** What a role lacks, or that it lacks nothing. */
export function RoleGaps({ gaps }: { gaps: TStaffingRole['gaps'] }) {
  const { t } = useTranslation();
  if (!gaps.length)
    return (
      <Badge color="green" variant="light" style={plain}>
        {t('governance.staffing.noGaps')}
      </Badge>
    );
  return (
    <Stack gap={2}>
      {gaps.map((g) => (
        <Badge key={g} color="orange" variant="light" style={plain}>
          {t(`governance.staffing.gap.${g}`)}
        </Badge>
      ))}
    </Stack>
  );
}

/** A person's certifications, each with its expiry and where it stands. */
export function Certifications({ certifications }: { certifications: TStaffingPerson['certifications'] }) {
  const { t } = useTranslation();
  return (
    <Group gap={4}>
      {certifications.map((c) => (
        <Badge key={c.name} color={CERT_COLOR[c.standing]} variant="light" style={plain}>
          {c.expiresOn ? `${c.name} (${c.expiresOn}, ${t(`governance.staffing.certStanding.${c.standing}`)})` : c.name}
        </Badge>
      ))}
    </Group>
  );
}
