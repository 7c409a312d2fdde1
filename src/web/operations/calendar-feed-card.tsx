import { Alert, Button, Code, CopyButton, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { toApiError } from '../api/api-client.ts';
import { ProblemAlert } from '../components/problem-alert.tsx';
import { QueryState } from '../components/query-state.tsx';
import { SectionCard } from '../components/section-card.tsx';
import { formatDateTime } from '../i18n/format.ts';
import { useLocaleAndZone } from '../i18n/use-locale-and-zone.ts';
import { useCalendarFeed, useCreateCalendarFeed, useRevokeCalendarFeed } from './operation.query.ts';

/** The member's own iCalendar address: made (shown once), replaced or revoked. */
export function CalendarFeedCard() {
  const { t } = useTranslation();
  const { locale, timeZone } = useLocaleAndZone();
  const feed = useCalendarFeed();
  const create = useCreateCalendarFeed();
  const revoke = useRevokeCalendarFeed();
  const problem = create.error ? toApiError(create.error) : revoke.error ? toApiError(revoke.error) : null;
  const shown = create.data && !revoke.isSuccess ? create.data.url : null;
  return (
    <SectionCard id="calendar-feed" title={t('operations.feed.title')} description={t('operations.feed.hint')}>
      <QueryState query={feed}>
        {feed.data ? (
          <Stack gap="xs" data-testid="calendar-feed">
            {feed.data.active ? (
              <Text size="sm">
                {t('operations.feed.active', { date: formatDateTime(feed.data.createdAt!, locale, timeZone) })}{' '}
                {feed.data.lastReadAt ? t('operations.feed.lastRead', { date: formatDateTime(feed.data.lastReadAt, locale, timeZone) }) : t('operations.feed.neverRead')}
              </Text>
            ) : (
              <Text size="sm" c="dimmed">
                {revoke.isSuccess ? t('operations.feed.revoked') : t('operations.feed.inactive')}
              </Text>
            )}
            {shown ? (
              <Alert color="blue" p="xs" title={t('operations.feed.created')}>
                <Group gap="xs" wrap="nowrap">
                  <Code style={{ wordBreak: 'break-all' }} aria-label={t('operations.feed.address')} data-testid="calendar-feed-url">
                    {shown}
                  </Code>
                  <CopyButton value={shown}>
                    {({ copied, copy }) => (
                      <Button size="xs" variant="light" onClick={copy}>
                        {copied ? t('common.copied') : t('common.copy')}
                      </Button>
                    )}
                  </CopyButton>
                </Group>
              </Alert>
            ) : null}
            <ProblemAlert problem={problem} />
            <Group>
              <Button size="sm" variant={feed.data.active ? 'default' : 'filled'} loading={create.isPending} onClick={() => (revoke.reset(), create.mutate())} data-testid="calendar-feed-create">
                {feed.data.active ? t('operations.feed.rotate') : t('operations.feed.create')}
              </Button>
              {feed.data.active ? (
                <Button size="sm" variant="subtle" color="red" loading={revoke.isPending} onClick={() => revoke.mutate()} data-testid="calendar-feed-revoke">
                  {t('operations.feed.revoke')}
                </Button>
              ) : null}
            </Group>
          </Stack>
        ) : null}
      </QueryState>
    </SectionCard>
  );
}
