import { Badge, Button, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { toApiError } from '../../api/api-client.ts';
import { DataTable } from '../../components/data-table.tsx';
import { SectionLoader } from '../../components/full-page-loader.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { SectionCard } from '../../components/section-card.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { useLocaleAndZone } from '../../i18n/use-locale-and-zone.ts';
import { useAccountSessions, useRevokeSession } from './account.query.ts';
import { describeUserAgent } from './user-agent.ts';

export function SessionsSection() {
  const { t } = useTranslation();
  const { locale, timeZone } = useLocaleAndZone();
  const sessions = useAccountSessions();
  const revoke = useRevokeSession();
  const items = sessions.data ?? [];
  return (
    <SectionCard id="sessions" title={t('account.sessions')} description={t('account.sessionsHint')}>
      <ProblemAlert problem={sessions.error || revoke.error ? toApiError(sessions.error ?? revoke.error) : null} mb="sm" />
      {sessions.isPending ? (
        <SectionLoader />
      ) : (
        <DataTable
          caption={t('account.sessions')}
          columns={[t('account.device'), t('account.ipAddress'), t('account.signedInAt'), t('account.lastSeenAt')]}
          actions
          verticalSpacing="sm"
        >
          {items.map((s) => (
            <Table.Tr key={s.id}>
              <Table.Td>
                <Text size="sm" title={s.userAgent ?? undefined}>
                  {describeUserAgent(s.userAgent) ?? t('account.unknownDevice')}
                </Text>
                {s.current ? (
                  <Badge size="sm" variant="light" color="teal" mt={4}>
                    {t('account.thisSession')}
                  </Badge>
                ) : null}
              </Table.Td>
              <Table.Td className="mono">{s.ipAddress ?? '—'}</Table.Td>
              <Table.Td>{formatDateTime(s.createdAt, locale, timeZone)}</Table.Td>
              <Table.Td>{formatDateTime(s.lastSeenAt, locale, timeZone)}</Table.Td>
              <Table.Td>
                {!s.current ? (
                  <Button size="xs" variant="subtle" color="red" loading={revoke.isPending && revoke.variables === s.id} onClick={() => revoke.mutate(s.id)}>
                    {t('account.revokeSession')}
                  </Button>
                ) : null}
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      )}
    </SectionCard>
  );
}
