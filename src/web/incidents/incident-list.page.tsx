import { Badge, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../components/page-header.tsx';
import { formatDateTime } from '../i18n/format.ts';
import { useLocaleAndZone } from '../i18n/use-locale-and-zone.ts';
import { useOrganisationSession } from '../platform/auth/session.query.ts';
import { ExportLinks, RegisterList } from '../platform/register/register-list.tsx';
import { nameColumn, type RegisterColumn } from '../platform/register/register-table.tsx';
import { Countdown, formatDue, useNow } from './incident-deadlines.tsx';
import { type TIncident, useIncidents } from './incident.query.ts';

export const SEVERITY_COLOURS: Record<TIncident['severity'], string> = { low: 'gray', medium: 'yellow', high: 'orange', critical: 'red' };

/** The organisation's incidents, newest first, each with its next legal deadline counting down. */
export function IncidentListPage() {
  const { t } = useTranslation();
  const { locale, timeZone } = useLocaleAndZone();
  const session = useOrganisationSession();
  const incidents = useIncidents();
  const now = useNow();
  const columns: RegisterColumn<TIncident>[] = [
    nameColumn({
      key: 'title',
      header: t('incidents.fields.title'),
      path: '/incidents',
      name: (i) => i.title,
      minWidth: 200,
      below: (i) => (i.detection ? <Text size="xs" c="dimmed">{i.detection[locale === 'en' ? 'en' : 'ja']}</Text> : null),
    }),
    { key: 'severity', header: t('incidents.fields.severity'), cell: (i) => <Badge color={SEVERITY_COLOURS[i.severity]} variant="light">{t(`incidents.severity.${i.severity}`)}</Badge> },
    { key: 'aware', header: t('incidents.fields.awareAt'), cellProps: { style: { whiteSpace: 'nowrap' } }, cell: (i) => formatDateTime(i.awareAt, locale, timeZone) },
    {
      key: 'next',
      header: t('incidents.fields.nextDue'),
      cell: (i) =>
        i.nextDueAt ? (
          <Group gap={6} wrap="nowrap">
            <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
              {formatDue(i.nextDueAt, locale, timeZone)}
            </Text>
            <Countdown at={i.nextDueAt} now={now} />
          </Group>
        ) : (
          '—'
        ),
    },
    { key: 'status', header: t('incidents.fields.status'), cell: (i) => t(`incidents.status.${i.status}`) },
  ];
  return (
    <>
      <PageHeader
        title={t('incidents.title')}
        description={t('incidents.description')}
        actions={
          <>
            <ExportLinks href="/api/v1/incidents/export" />
            {session.organisation.can['incidents.write'] ? (
              <Button component={Link} to="/incidents/new">
                {t('incidents.new')}
              </Button>
            ) : null}
          </>
        }
      />
      <RegisterList query={incidents} caption={t('incidents.title')} empty={t('incidents.empty')} rows={incidents.data?.items ?? []} columns={columns} rowTestId="incident-row" />
    </>
  );
}
