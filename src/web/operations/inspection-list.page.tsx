import { Alert, Button, List, SimpleGrid, Stack, Switch, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../components/page-header.tsx';
import { QueryState } from '../components/query-state.tsx';
import { SectionCard } from '../components/section-card.tsx';
import { useOrganisationSession } from '../platform/auth/session.query.ts';
import { ExportLinks, RegisterList } from '../platform/register/register-list.tsx';
import { nameColumn, type RegisterColumn } from '../platform/register/register-table.tsx';
import { CalendarFeedCard } from './calendar-feed-card.tsx';
import { StandingBadge, useScheduleLine } from './inspection-labels.tsx';
import { toApiError } from '../api/api-client.ts';
import { ProblemAlert } from '../components/problem-alert.tsx';
import { type TInspection, useCalendarEntries, useInspections, useReminders, useReminderSettings, useSaveReminderSettings } from './operation.query.ts';

/** The next 90 days, date by date: inspections, corrective actions, contracts and providers; what is overdue first, in red. */
function Calendar() {
  const { t } = useTranslation();
  const entries = useCalendarEntries(90);
  return (
    <SectionCard id="calendar" title={t('operations.calendar.title')}>
      <QueryState query={entries}>
        {entries.data?.items.length ? (
          <List size="sm" spacing={2} data-testid="calendar">
            {entries.data.items.map((e) => (
              <List.Item key={`${e.kind} ${e.path} ${e.date}`}>
                <Text span fw={600} c={e.overdue ? 'red' : undefined}>
                  {e.date}
                </Text>{' '}
                <Link to={e.path}>{t(`operations.calendar.kinds.${e.kind}`, { title: e.title, detail: e.detail ?? '' })}</Link>
              </List.Item>
            ))}
          </List>
        ) : (
          <Text size="sm" c="dimmed">
            {t('operations.calendar.empty')}
          </Text>
        )}
      </QueryState>
    </SectionCard>
  );
}

/** The member's own choice: reminders by e-mail as well as here. */
function EmailSwitch() {
  const { t } = useTranslation();
  const settings = useReminderSettings();
  const save = useSaveReminderSettings();
  if (!settings.data) return null;
  const { email, version } = settings.data;
  return (
    <Stack gap={4}>
      <Switch label={t('operations.reminders.email')} checked={email} disabled={save.isPending} onChange={(e) => save.mutate({ email: e.currentTarget.checked, version })} data-testid="email-reminders" />
      {save.isSuccess ? (
        <Text size="xs" c="teal">
          {t('operations.reminders.emailSaved')}
        </Text>
      ) : null}
      <ProblemAlert problem={save.error ? toApiError(save.error) : null} />
    </Stack>
  );
}

function Reminders() {
  const { t } = useTranslation();
  const reminders = useReminders();
  return (
    <SectionCard id="reminders" title={t('operations.reminders.title')} description={t('operations.reminders.hint')}>
      <EmailSwitch />
      <QueryState query={reminders}>
        {reminders.data?.items.length ? (
          <Stack gap={4} data-testid="reminders">
            {reminders.data.items.map((r) => (
              <Alert key={`${r.kind} ${r.id}`} color={r.standing === 'overdue' ? 'red' : 'orange'} p="xs">
                <Link to={r.path}>{t(r.kind === 'inspection' ? 'operations.reminders.line' : 'operations.reminders.actionLine', { title: r.title, date: r.dueOn })}</Link>
              </Alert>
            ))}
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            {t('operations.reminders.empty')}
          </Text>
        )}
      </QueryState>
    </SectionCard>
  );
}

/** Recurring inspections (定期点検): the soonest due first, the next 90 days on a calendar, and the member's reminders. */
export function InspectionListPage() {
  const { t } = useTranslation();
  const session = useOrganisationSession();
  const inspections = useInspections();
  const scheduleLine = useScheduleLine();
  const columns: RegisterColumn<TInspection>[] = [
    nameColumn({ key: 'title', header: t('operations.fields.title'), path: '/operations', name: (i) => i.title, minWidth: 220, below: (i) => <Text size="xs" c="dimmed">{scheduleLine(i)}</Text> }),
    { key: 'next', header: t('operations.fields.nextDueOn'), cellProps: { style: { whiteSpace: 'nowrap' } }, cell: (i) => i.nextDueOn },
    { key: 'standing', header: t('operations.fields.standing'), cell: (i) => <StandingBadge standing={i.standing} /> },
    { key: 'owner', header: t('operations.fields.owner'), cell: (i) => i.ownerName ?? t('operations.fields.noOwner') },
  ];
  return (
    <>
      <PageHeader
        title={t('operations.title')}
        description={t('operations.description')}
        actions={
          <>
            <ExportLinks href="/api/v1/inspections/export" />
            {session.organisation.can['operations.write'] ? (
              <Button component={Link} to="/operations/new">
                {t('operations.new')}
              </Button>
            ) : null}
          </>
        }
      />
      <Stack gap="lg">
        <RegisterList query={inspections} caption={t('operations.title')} empty={t('operations.empty')} rows={inspections.data?.items ?? []} columns={columns} rowTestId="inspection-row" />
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Calendar />
          <Reminders />
        </SimpleGrid>
        <CalendarFeedCard />
      </Stack>
    </>
  );
}
