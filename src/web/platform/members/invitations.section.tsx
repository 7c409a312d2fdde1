import { Badge, Button, Paper, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toApiError } from '../../api/api-client.ts';
import { ConfirmModal } from '../../components/confirm-modal.tsx';
import { SectionLoader } from '../../components/full-page-loader.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
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
      <ProblemAlert problem={invitations.error ? toApiError(invitations.error) : null} />
      {invitations.isPending ? (
        <SectionLoader />
      ) : items.length === 0 ? (
        <Text c="dimmed">{t('members.noInvitations')}</Text>
      ) : (
        <div className="table-scroll">
          <Table verticalSpacing="sm">
            <Table.Caption className="visually-hidden">{t('members.invitationsTitle')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('common.email')}</Table.Th>
                <Table.Th scope="col">{t('common.role')}</Table.Th>
                <Table.Th scope="col">{t('members.status')}</Table.Th>
                <Table.Th scope="col">{t('members.invitedAt')}</Table.Th>
                <Table.Th scope="col">{t('members.expiresAt')}</Table.Th>
                <Table.Th scope="col">
                  <span className="visually-hidden">{t('common.actions')}</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
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
            </Table.Tbody>
          </Table>
        </div>
      )}
      <ConfirmModal
        opened={!!revoking}
        title={t('members.revokeTitle')}
        message={revoking ? t('members.revokeConfirm', { email: revoking.email }) : ''}
        confirmLabel={t('members.revoke')}
        danger
        loading={revoke.isPending}
        problem={revoke.error ? toApiError(revoke.error) : null}
        onClose={() => setRevoking(null)}
        onConfirm={() => revoking && revoke.mutate(revoking.id, { onSuccess: () => setRevoking(null) })}
      />
    </Paper>
  );
}
