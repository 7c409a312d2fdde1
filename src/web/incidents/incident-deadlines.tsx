import { Alert, Badge, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TDeadline } from '../../shared/incidents/incident.schema.ts';
import { SectionCard } from '../components/section-card.tsx';
import { wallIn } from '../../shared/platform/calendar-date.ts';
import { formatDate, formatDateTime } from '../i18n/format.ts';
import { useLocaleAndZone } from '../i18n/use-locale-and-zone.ts';
import type { TIncident } from './incident.query.ts';
import { ReportDraft } from './report-draft.tsx';

const STATE_COLOURS: Record<TDeadline['state'], string> = {
  notApplicable: 'gray',
  waiting: 'gray',
  noDeadline: 'blue',
  open: 'teal',
  dueSoon: 'orange',
  overdue: 'red',
  submitted: 'teal',
  submittedLate: 'orange',
};

/** A deadline as people read it: one that ends with a day reads "6 April 24:00" rather than "7 April 0:00". */
export function formatDue(iso: string, locale: 'ja' | 'en', timeZone: string): string {
  const at = new Date(iso);
  if (!wallIn(timeZone, at).endsWith('T00:00')) return formatDateTime(iso, locale, timeZone);
  return `${formatDate(new Date(at.getTime() - 1).toISOString(), locale, timeZone)} 24:00`;
}

/** The time now, moving every 30 seconds: the clocks below count down live. */
export function useNow(stepMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), stepMs);
    return () => clearInterval(timer);
  }, [stepMs]);
  return now;
}

/** "3 d 4 h left" or "12 h 5 min over", from now to `at`. */
export function Countdown({ at, now }: { at: string; now: number }) {
  const { t } = useTranslation();
  const ms = new Date(at).getTime() - now;
  const total = Math.floor(Math.abs(ms) / 60_000);
  const days = Math.floor(total / 1440);
  const hours = Math.floor((total % 1440) / 60);
  const minutes = total % 60;
  const parts = days ? [t('incidents.deadlines.days', { count: days }), t('incidents.deadlines.hours', { count: hours })] : hours ? [t('incidents.deadlines.hours', { count: hours }), t('incidents.deadlines.minutes', { count: minutes })] : [t('incidents.deadlines.minutes', { count: minutes })];
  const time = parts.join(' ');
  return (
    <Text span size="sm" fw={600} c={ms < 0 ? 'red' : undefined} data-testid="countdown">
      {t(ms < 0 ? 'incidents.deadlines.over' : 'incidents.deadlines.left', { time })}
    </Text>
  );
}

function DeadlineCard({ d, now, onSubmitted, incidentId, preliminary, onReload }: { d: TDeadline; now: number; onSubmitted: ((ruleId: string) => void) | null; incidentId: string; preliminary: TDeadline | null; onReload: () => void }) {
  const { t } = useTranslation();
  const { locale, timeZone } = useLocaleAndZone();
  const lang = locale === 'en' ? 'en' : 'ja';
  const at = (iso: string | null) => formatDateTime(iso, locale, timeZone);
  const open = d.state === 'open' || d.state === 'dueSoon' || d.state === 'overdue';
  return (
    <Card withBorder padding="sm" data-testid="deadline" data-rule={d.ruleId.split(':').pop()}>
      <Stack gap={4}>
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <div>
            <Title order={3} fz="md">
              {d.name[lang]}
            </Title>
            <Text size="xs" c="dimmed">
              {[d.regimeName?.[lang], d.recipient ? t('incidents.deadlines.to', { recipient: d.recipient[lang] }) : null].filter(Boolean).join(' · ')}
            </Text>
          </div>
          <Badge color={STATE_COLOURS[d.state]} variant="light">
            {t(`incidents.deadlines.states.${d.state}`)}
          </Badge>
        </Group>
        {d.dueAt ? (
          <Group gap="sm">
            <Text size="sm" fw={600}>
              {t('incidents.deadlines.due', { at: formatDue(d.dueAt, locale, timeZone) })}
            </Text>
            {open ? <Countdown at={d.dueAt} now={now} /> : null}
          </Group>
        ) : null}
        {d.state === 'noDeadline' ? <Text size="sm">{t('incidents.deadlines.noPeriod')}</Text> : null}
        {d.state === 'waiting' ? <Text size="sm">{t('incidents.deadlines.waiting')}</Text> : null}
        {d.submittedAt ? <Text size="sm">{t('incidents.deadlines.submittedAt', { at: at(d.submittedAt) })}</Text> : null}
        {d.provisional ? (
          <Text size="xs" c="dimmed">
            {t('incidents.deadlines.provisional')}
          </Text>
        ) : null}
        {d.beyondCalendar ? (
          <Text size="xs" c="orange">
            {t('incidents.deadlines.beyondCalendar')}
          </Text>
        ) : null}
        <Text size="xs">{t('incidents.deadlines.because', { reasons: d.because.map((b) => b[lang]).join('、') })}</Text>
        {d.legalPeriod ? (
          <Text size="xs" c="dimmed">
            {t('incidents.deadlines.asTheLawPutsIt', { text: d.legalPeriod[lang] })}
          </Text>
        ) : null}
        {d.guidance ? (
          <Text size="xs" c="dimmed">
            {d.guidance[lang]}
          </Text>
        ) : null}
        {d.reportItems.length ? <ReportDraft incidentId={incidentId} deadline={d} preliminary={preliminary} canWrite={!!onSubmitted} onReload={onReload} /> : null}
        {onSubmitted && !d.submittedAt ? (
          <Group>
            <Button size="xs" variant="light" onClick={() => onSubmitted(d.ruleId)} data-testid="record-submitted">
              {t('incidents.deadlines.recordSubmitted')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Card>
  );
}

/** The rules that apply with their deadlines and live clocks; the others folded away, each with why it does not apply. */
export function DeadlinesSection({ incident, onSubmitted, onReload }: { incident: TIncident; onSubmitted: ((ruleId: string) => void) | null; onReload: () => void }) {
  const { t } = useTranslation();
  const { locale } = useLocaleAndZone();
  const lang = locale === 'en' ? 'en' : 'ja';
  const now = useNow();
  const applying = incident.deadlines.filter((d) => d.applies);
  const others = incident.deadlines.filter((d) => !d.applies);
  return (
    <SectionCard id="deadlines" title={t('incidents.deadlines.title')} description={t('incidents.deadlines.hint')}>
      <Stack gap="sm" data-testid="deadlines">
        {applying.length === 0 ? <Alert color="gray">{t('incidents.deadlines.none')}</Alert> : applying.map((d) => <DeadlineCard key={d.ruleId} d={d} now={now} onSubmitted={onSubmitted} incidentId={incident.id} preliminary={applying.find((p) => p.regime === d.regime && p.stage === 'preliminary') ?? null} onReload={onReload} />)}
        {others.length ? (
          <details>
            <summary>
              <Text span size="sm">
                {t('incidents.deadlines.notApplying', { count: others.length })}
              </Text>
            </summary>
            <List size="xs" mt={4} spacing={2}>
              {others.map((d) => (
                <List.Item key={d.ruleId}>
                  {d.name[lang]} ({d.regimeName?.[lang] ?? d.regime}):{' '}
                  {d.excludedBy.length ? t('incidents.deadlines.excludedBy', { reasons: d.excludedBy.map((x) => x[lang]).join('、') }) : t('incidents.deadlines.notMet')}
                </List.Item>
              ))}
            </List>
          </details>
        ) : null}
      </Stack>
    </SectionCard>
  );
}

/** Seed 004's first response against its 24-hour target, phase by phase. */
export function FirstResponseSection({ incident }: { incident: TIncident }) {
  const { t } = useTranslation();
  const { locale, timeZone } = useLocaleAndZone();
  const now = useNow();
  const f = incident.firstResponse;
  const colour = { open: 'blue', dueSoon: 'orange', overdue: 'red', done: 'teal', doneLate: 'orange' }[f.state];
  return (
    <SectionCard id="first-response" title={t('incidents.firstResponse.title')} description={t('incidents.firstResponse.hint')}>
      <Stack gap={6} data-testid="first-response">
        <Group gap="sm">
          <Badge color={colour} variant="light">
            {t(`incidents.firstResponse.states.${f.state}`)}
          </Badge>
          <Text size="sm">{t('incidents.firstResponse.target', { at: formatDue(f.targetAt, locale, timeZone) })}</Text>
          {f.state === 'open' || f.state === 'dueSoon' || f.state === 'overdue' ? <Countdown at={f.targetAt} now={now} /> : null}
        </Group>
        <List size="sm" spacing={2}>
          {f.phases.map((p) => (
            <List.Item key={p.phase}>
              {t(`incidents.firstResponse.phases.${p.phase}`)}: {p.doneAt ? t('incidents.firstResponse.done', { at: formatDateTime(p.doneAt, locale, timeZone) }) : t('incidents.firstResponse.notDone')}
            </List.Item>
          ))}
        </List>
      </Stack>
    </SectionCard>
  );
}
