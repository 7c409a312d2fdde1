import { Badge, Button, Paper, Table, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmRemoval } from '../../components/confirm-modal.tsx';
import { DataTable } from '../../components/data-table.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { useLocaleAndZone } from '../../i18n/use-locale-and-zone.ts';
import { type TInvitation, useInvitations, useRevokeInvitation } from './members.query.ts';

const STATUS_COLOR: Record<TInvitation['status'], string> = { pending: 'blue', accepted: 'teal', expired: 'gray', revoked: 'gray' };

export function InvitationsSection() {
  const { t } = useTranslation();
  const { locale, timeZone } = useLocaleAndZone();
  const invitations = useInvitations(true);
  const revoke = useRevokeInvitation();
  const [revoking, setRevoking] = useState<TInvitation | null>(null);
  const items = invitations.data ?? [];

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="invitations-heading">
      <Title order={2} fz="h3" id="invitations-heading" mb="sm">
        {t('members.invitationsTitle')}
      </Title>
      <QueryState query={invitations} empty={items.length === 0 ? t('members.noInvitations') : null}>
        <DataTable
          caption={t('members.invitationsTitle')}
          columns={[t('common.email'), t('common.role'), t('members.status'), t('members.invitedAt'), t('members.expiresAt')]}
          actions
          verticalSpacing="sm"
        >
          {items.map((inv) => (
            <Table.Tr key={inv.id} data-testid="invitation-row">
              <Table.Td>{inv.email}</Table.Td>
              <Table.Td>{t(`roles.${inv.role}`)}</Table.Td>
              <Table.Td>
                <Badge color={STATUS_COLOR[inv.status]} variant="light">
                  {t(`members.invitationStatus.${inv.status}`)}
                </Badge>
              </Table.Td>
              <Table.Td>{formatDateTime(inv.createdAt, locale, timeZone)}</Table.Td>
              <Table.Td>{formatDateTime(inv.expiresAt, locale, timeZone)}</Table.Td>
              <Table.Td>
                {inv.status === 'pending' ? (
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    aria-label={t('members.revokeNamed', { email: inv.email })}
                    onClick={() => {
                      revoke.reset();
                      setRevoking(inv);
                    }}
                  >
                    {t('members.revoke')}
                  </Button>
                ) : null}
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      </QueryState>
      <ConfirmRemoval
        target={revoking}
        title={t('members.revokeTitle')}
        message={(inv) => t('members.revokeConfirm', { email: inv.email })}
        confirmLabel={t('members.revoke')}
        mutation={revoke}
        idOf={(inv) => inv.id}
        onClose={() => setRevoking(null)}
      />
    </Paper>
  );
}
