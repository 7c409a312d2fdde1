import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { toApiError } from '../../api/api-client.ts';
import { SectionLoader } from '../../components/full-page-loader.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { SectionCard } from '../../components/section-card.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { useLocaleAndZone } from '../../i18n/use-locale-and-zone.ts';
import { useActionLabel, useChangeDescriptions } from '../audit/audit-labels.ts';
import { useAccountActivity } from './account.query.ts';

/** Sign-ins and changes to my account, newest first (the platform audit chain). */
export function ActivitySection() {
  const { t } = useTranslation();
  const { locale, timeZone } = useLocaleAndZone();
  const activity = useAccountActivity();
  const actionLabel = useActionLabel();
  const changes = useChangeDescriptions();
  const items = (activity.data ?? []).slice(0, 20);
  return (
    <SectionCard id="activity" title={t('account.activity')} description={t('account.activityHint')}>
      <ProblemAlert problem={activity.error ? toApiError(activity.error) : null} />
      {activity.isPending ? (
        <SectionLoader />
      ) : items.length === 0 ? (
        <Text c="dimmed">{t('account.noActivity')}</Text>
      ) : (
        <div className="table-scroll">
          <Table verticalSpacing={6}>
            <Table.Caption className="visually-hidden">{t('account.activity')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('audit.at')}</Table.Th>
                <Table.Th scope="col">{t('audit.action')}</Table.Th>
                <Table.Th scope="col">{t('audit.details')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((e) => (
                <Table.Tr key={e.seq}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(e.at, locale, timeZone)}</Table.Td>
                  <Table.Td c={e.action.endsWith('failed') ? 'red.9' : undefined}>{actionLabel(e.action)}</Table.Td>
                  <Table.Td fz="sm">
                    {changes(e).map((c) => (
                      <div key={c}>{c}</div>
                    ))}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
    </SectionCard>
  );
}
