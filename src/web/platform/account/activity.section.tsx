import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/data-table.tsx';
import { QueryState } from '../../components/query-state.tsx';
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
      <QueryState query={activity} empty={items.length === 0 ? t('account.noActivity') : null}>
        <DataTable
          caption={t('account.activity')}
          columns={[t('audit.at'), t('audit.action'), t('audit.details')]}
          verticalSpacing={6}
        >
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
        </DataTable>
      </QueryState>
    </SectionCard>
  );
}
