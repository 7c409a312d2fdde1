import { Badge, Button, Group, NativeSelect, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../../shared/policy.ts';
import { type ApiError, toApiError } from '../../api/api-client.ts';
import { ConfirmRemoval } from '../../components/confirm-modal.tsx';
import { DataTable } from '../../components/data-table.tsx';
import { SectionLoader } from '../../components/full-page-loader.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { ProblemAlert, ReloadLatestButton, SuccessMessage } from '../../components/problem-alert.tsx';
import { formatDate } from '../../i18n/format.ts';
import { useLocaleAndZone } from '../../i18n/use-locale-and-zone.ts';
import { useOrganisationSession } from '../auth/session.query.ts';
import { ExportLinks } from '../register/register-list.tsx';
import { InvitationsSection } from './invitations.section.tsx';
import { InviteMemberForm } from './invite-member.form.tsx';
import { type TMember, useChangeRole, useMembers, useRemoveMember } from './members.query.ts';

/** Who belongs to the organisation, with which role; owners invite, change roles and remove. */
export function MembersPage() {
  const { t } = useTranslation();
  const session = useOrganisationSession();
  const canManage = session.organisation.can['members.manage'];
  const members = useMembers();
  const changeRole = useChangeRole();
  const remove = useRemoveMember();
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [removing, setRemoving] = useState<TMember | null>(null);
  const { locale, timeZone } = useLocaleAndZone();

  const list = members.data ?? [];
  const withMfa = list.filter((m) => m.mfaEnabled).length;

  const onRoleChange = (m: TMember, role: Role) => {
    setProblem(null);
    setNotice(null);
    changeRole.mutate(
      { userId: m.userId, role, version: m.version },
      {
        onSuccess: () => setNotice(t('members.roleChanged', { name: m.displayName, role: t(`roles.${role}`) })),
        onError: (e) => setProblem(toApiError(e)),
      },
    );
  };

  return (
    <>
      <PageHeader title={t('members.title')} description={t('members.description', { organisation: session.organisation.name })} actions={<ExportLinks href="/api/v1/members/export" />} />
      <Stack gap="xl">
        <Paper withBorder p="lg" component="section" aria-labelledby="members-heading">
          <Group justify="space-between" mb="sm">
            <Title order={2} fz="h3" id="members-heading">
              {t('members.listTitle')}
            </Title>
            {list.length ? (
              <Text size="sm" c="dimmed">
                {t('members.mfaSummary', { count: list.length, withMfa })}
              </Text>
            ) : null}
          </Group>
          <ProblemAlert problem={problem ?? (members.error ? toApiError(members.error) : null)} onClose={() => setProblem(null)} mb="sm" />
          <SuccessMessage message={notice} mb="sm" />
          {members.isPending ? (
            <SectionLoader />
          ) : (
            <DataTable
              caption={t('members.listTitle')}
              columns={[t('common.name'), t('common.email'), t('common.role'), t('members.mfa'), t('members.joined')]}
              actions={canManage}
              verticalSpacing="sm"
              striped
              highlightOnHover
            >
              {list.map((m) => {
                const isMe = m.userId === session.user.id;
                return (
                  <Table.Tr key={m.userId} data-testid="member-row">
                    <Table.Td fw={500}>
                      {m.displayName}
                      {isMe ? (
                        <Text span size="xs" c="dimmed" ml={6}>
                          {t('members.you')}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>{m.email}</Table.Td>
                    <Table.Td miw={170}>
                      {canManage ? (
                        <NativeSelect
                          aria-label={t('members.roleOf', { name: m.displayName })}
                          value={m.role}
                          disabled={changeRole.isPending}
                          onChange={(e) => onRoleChange(m, e.currentTarget.value as Role)}
                          data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
                        />
                      ) : (
                        t(`roles.${m.role}`)
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Badge color={m.mfaEnabled ? 'teal' : 'orange'} variant="light">
                        {m.mfaEnabled ? t('members.mfaOn') : t('members.mfaOff')}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{formatDate(m.joinedAt, locale, timeZone)}</Table.Td>
                    {canManage ? (
                      <Table.Td>
                        {!isMe ? (
                          <Button
                            variant="subtle"
                            color="red"
                            size="xs"
                            onClick={() => {
                              remove.reset();
                              setRemoving(m);
                            }}
                            aria-label={t('members.removeNamed', { name: m.displayName })}
                          >
                            {t('members.remove')}
                          </Button>
                        ) : null}
                      </Table.Td>
                    ) : null}
                  </Table.Tr>
                );
              })}
            </DataTable>
          )}
          <ReloadLatestButton problem={problem} mt="sm" onReload={() => { setProblem(null); void members.refetch(); }} />
        </Paper>

        {canManage ? (
          <>
            <Paper withBorder p="lg" component="section" aria-labelledby="invite-heading">
              <Title order={2} fz="h3" id="invite-heading" mb="sm">
                {t('members.inviteTitle')}
              </Title>
              <InviteMemberForm />
            </Paper>
            <InvitationsSection />
          </>
        ) : null}
      </Stack>

      <ConfirmRemoval
        target={removing}
        title={t('members.removeTitle')}
        message={(m) => t('members.removeConfirm', { name: m.displayName, email: m.email })}
        confirmLabel={t('members.remove')}
        mutation={remove}
        idOf={(m) => m.userId}
        onRemoved={(m) => setNotice(t('members.removed', { name: m.displayName }))}
        onClose={() => setRemoving(null)}
      />
    </>
  );
}
