import { Anchor, Badge, Button, Group, List, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TDashboard } from '../../shared/schemas/roadmap.schema.ts';
import { toApiError } from '../api/api-client.ts';
import { SectionLoader } from '../components/full-page-loader.tsx';
import { ProblemAlert } from '../components/problem-alert.tsx';
import { SectionCard } from '../components/section-card.tsx';
import { useLocaleAndZone } from '../i18n/use-locale-and-zone.ts';
import { formatDay, pick } from './diagnosis-labels.tsx';
import { useDashboard } from './diagnosis.query.ts';
import { STEP_LINK } from './next-step-links.ts';
import { CurrentStage, GateComplete } from './stage-widgets.tsx';
import { SummaryCard } from './summary-card.tsx';

/** Gate items shown on the home page; the rest are behind the link to the gate. */
const GATE_ITEMS_SHOWN = 3;
const DUE_TASKS_SHOWN = 5;

function NextStep({ d }: { d: TDashboard }) {
  const { t } = useTranslation();
  const { locale } = useLocaleAndZone();
  const [first, ...rest] = d.nextSteps;
  if (!first) return <Text size="sm">{t('diagnosis.dashboard.allDone')}</Text>;
  // Nothing answered yet: the journey starts with the diagnosis (the profile is its first part).
  const label = d.diagnosis.started ? t(`diagnosis.dashboard.steps.${first.step}`, { name: pick(first.name, locale) }) : t('home.journey.start');
  const why = d.diagnosis.started ? t(`home.journey.why.${first.step}`) : t('home.journey.startWhy');
  return (
    <>
      <Button component={Link} to={STEP_LINK[first.step]} size="md" w="fit-content" maw="100%" styles={{ label: { whiteSpace: 'normal' } }}>
        {label}
      </Button>
      <Text size="sm" c="dimmed">
        {why}
      </Text>
      {rest.length ? (
        <>
          <Text size="xs" fw={600} mt={4}>
            {t('home.journey.then')}
          </Text>
          <List size="sm" spacing={2}>
            {rest.slice(0, 3).map((s, i) => (
              <List.Item key={`${s.step}-${i}`}>
                <Anchor component={Link} to={STEP_LINK[s.step]} size="sm">
                  {t(`diagnosis.dashboard.steps.${s.step}`, { name: pick(s.name, locale) })}
                </Anchor>
              </List.Item>
            ))}
          </List>
        </>
      ) : null}
    </>
  );
}

function Gate({ d }: { d: TDashboard }) {
  const { t } = useTranslation();
  const { locale } = useLocaleAndZone();
  if (!d.stage.next) return <Text size="sm">{t('diagnosis.gate.last')}</Text>;
  const gate = d.stage.gate;
  const missing = gate ? gate.items.filter((i) => gate.missing.includes(i.item.id)) : [];
  return (
    <>
      <Text fw={600} size="sm">
        {t('diagnosis.dashboard.nextStage', { stage: pick(d.stage.next.name, locale) })}
      </Text>
      {missing.length ? (
        <>
          <Text size="sm" c="red.8">
            {t('home.journey.gateNeeds', { count: missing.length })}
          </Text>
          <List size="sm" spacing={2}>
            {missing.slice(0, GATE_ITEMS_SHOWN).map((i) => (
              <List.Item key={i.item.id}>{i.item.text[locale]}</List.Item>
            ))}
          </List>
          {missing.length > GATE_ITEMS_SHOWN ? (
            <Text size="xs" c="dimmed">
              {t('home.journey.more', { count: missing.length - GATE_ITEMS_SHOWN })}
            </Text>
          ) : null}
        </>
      ) : (
        <GateComplete gate={gate} t={t} />
      )}
    </>
  );
}

function DueTasks({ d }: { d: TDashboard }) {
  const { t } = useTranslation();
  const { locale } = useLocaleAndZone();
  // The dashboard sends the open tasks earliest due first; those without a date are not "due".
  const due = d.tasks.open.filter((task) => task.dueDate !== null).slice(0, DUE_TASKS_SHOWN);
  return (
    <SectionCard id="home-due" title={t('home.journey.due')}>
      <Group gap="xs" mb="sm" data-testid="home-due-summary">
        <Badge variant="light" tt="none" radius="sm">
          {t('home.journey.openTasks', { count: d.tasks.summary.open })}
        </Badge>
        {d.tasks.summary.overdue ? (
          <Badge color="red" variant="light" tt="none" radius="sm">
            {t('home.journey.overdueTasks', { count: d.tasks.summary.overdue })}
          </Badge>
        ) : null}
      </Group>
      {due.length ? (
        <Table fz="sm" withTableBorder layout="fixed" data-testid="home-due">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('diagnosis.roadmap.item')}</Table.Th>
              <Table.Th w="22%">{t('diagnosis.roadmap.owner')}</Table.Th>
              <Table.Th w="22%">{t('diagnosis.roadmap.due')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {due.map((task) => (
              <Table.Tr key={task.practiceItemId}>
                <Table.Td>{task.text[locale]}</Table.Td>
                <Table.Td>{task.owner ?? t('diagnosis.roadmap.noOwner')}</Table.Td>
                <Table.Td c={task.overdue ? 'red.8' : undefined} fw={task.overdue ? 600 : undefined}>
                  {formatDay(task.dueDate, locale)}
                  {task.overdue ? ` (${t('diagnosis.roadmap.overdue')})` : ''}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : (
        <Text size="sm" data-testid="home-due">
          {t('home.journey.nothingDue')}
        </Text>
      )}
      <Anchor component={Link} to="/roadmap" size="sm" mt="sm" display="inline-block">
        {t('diagnosis.dashboard.toRoadmap')}
      </Anchor>
    </SectionCard>
  );
}

/**
 * The home page's journey, from the dashboard's own answer (so every figure
 * is the one the dashboard shows): where the organisation stands, the next
 * gate and what it still needs, the next step, and what is due.
 */
export function HomeJourney() {
  const { t } = useTranslation();
  const { locale, timeZone } = useLocaleAndZone();
  const dashboard = useDashboard();
  const d = dashboard.data;
  if (dashboard.isPending) return <SectionLoader />;
  if (!d) return <ProblemAlert problem={toApiError(dashboard.error)} mb="md" />;
  return (
    <Stack gap="lg" mb="lg">
      <SectionCard id="home-journey" title={t('home.journey.title')}>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
          <SummaryCard nested id="home-stage-title" testId="home-stage" title={t('diagnosis.dashboard.stage')} link={{ to: '/stages', label: t('diagnosis.dashboard.toStages') }}>
            <CurrentStage stage={d.stage} t={t} locale={locale} timeZone={timeZone} />
          </SummaryCard>
          <SummaryCard nested id="home-gate-title" testId="home-gate" title={t('diagnosis.dashboard.nextGate')} link={{ to: '/stages', label: t('diagnosis.dashboard.toGate') }}>
            <Gate d={d} />
          </SummaryCard>
          <SummaryCard nested id="home-next-title" testId="home-next-step" title={t('home.journey.nextStep')}>
            <NextStep d={d} />
          </SummaryCard>
        </SimpleGrid>
      </SectionCard>
      <DueTasks d={d} />
    </Stack>
  );
}
