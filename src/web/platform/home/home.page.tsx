import { Anchor, Badge, Group, List, Paper, RingProgress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { MFA_POLICY_ROLES, ROLES } from '../../../shared/policy.ts';
import { toApiError } from '../../api/api-client.ts';
import { SectionLoader } from '../../components/full-page-loader.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { formatNumber } from '../../i18n/format.ts';
import { useLocaleAndZone } from '../../i18n/use-locale-and-zone.ts';
import { HomeJourney } from '../../diagnosis/home-journey.section.tsx';
import { useOrganisationSession } from '../auth/session.query.ts';
import { useMembers } from '../members/members.query.ts';

interface NextStep {
  key: string;
  to: string;
  label: string;
  why: string;
}

function SummaryCard({ title, children, id }: { title: string; children: ReactNode; id: string }) {
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby={id}>
      <Title order={3} fz="md" c="dimmed" fw={600} id={id} mb="xs">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/** Organisation and account work still to do (MFA, members, policy, the audit trail). */
function AdminSteps({ steps }: { steps: NextStep[] }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="home-next">
      <Title order={3} fz="md" c="dimmed" fw={600} id="home-next" mb="xs">
        {t('home.nextSteps')}
      </Title>
      {steps.length === 0 ? (
        <Text>{t('home.allDone')}</Text>
      ) : (
        <List spacing="sm" type="ordered">
          {steps.map((s) => (
            <List.Item key={s.key}>
              <Anchor component={Link} to={s.to} fw={600}>
                {s.label}
              </Anchor>
              <Text size="sm" c="dimmed">
                {s.why}
              </Text>
            </List.Item>
          ))}
        </List>
      )}
    </Paper>
  );
}

/**
 * The first page after sign-in: the journey first (stage, gate, next step,
 * what is due), then the organisation and account shortcuts, each only for
 * the roles that may use it.
 */
export function HomePage() {
  const { t } = useTranslation();
  const { locale } = useLocaleAndZone();
  const session = useOrganisationSession();
  const org = session.organisation;
  const members = useMembers();
  const list = members.data ?? [];
  const total = list.length;
  const withMfa = list.filter((m) => m.mfaEnabled).length;
  const coverage = total ? Math.round((withMfa / total) * 100) : 0;
  // Members the organisation's policy obliges to use MFA and who have not yet.
  const policyGaps = org.requireMfa ? list.filter((m) => MFA_POLICY_ROLES.includes(m.role) && !m.mfaEnabled).length : 0;

  const manager = org.can['members.manage'];
  const steps: NextStep[] = [];
  // Others without MFA: only someone who manages members can follow up on them.
  const othersWithoutMfa = list.filter((m) => !m.mfaEnabled && m.userId !== session.user.id).length;
  if (!session.user.mfaEnabled) steps.push({ key: 'own-mfa', to: '/account#mfa', label: t('home.steps.ownMfa'), why: t('home.steps.ownMfaWhy') });
  if (manager && total === 1) steps.push({ key: 'invite', to: '/members', label: t('home.steps.invite'), why: t('home.steps.inviteWhy') });
  if (manager && othersWithoutMfa > 0)
    steps.push({ key: 'mfa-gaps', to: '/members', label: t('home.steps.mfaGaps', { count: othersWithoutMfa }), why: t('home.steps.mfaGapsWhy') });
  if (org.can['organisation.update'] && !org.requireMfa)
    steps.push({ key: 'policy', to: '/organisation', label: t('home.steps.requireMfa'), why: t('home.steps.requireMfaWhy') });
  if (org.can['audit.read']) steps.push({ key: 'audit', to: '/audit', label: t('home.steps.audit'), why: t('home.steps.auditWhy') });

  return (
    <>
      <PageHeader title={t('home.title')} description={t('home.description', { name: session.user.displayName })} />
      <HomeJourney />
      <Title order={2} fz="h3" mb="sm" id="home-organisation-and-account">
        {t('home.organisationAndAccount')}
      </Title>
      <ProblemAlert problem={members.error ? toApiError(members.error) : null} mb="md" />
      <SimpleGrid cols={{ base: 1, sm: manager ? 2 : 1, md: manager ? 3 : 1 }} spacing="lg" mb="lg">
        <SummaryCard title={t('home.organisation')} id="home-organisation">
          <Text fz="xl" fw={700} mb={4}>
            {org.name}
          </Text>
          <Group gap={6}>
            <Text size="sm">{t('home.yourRole')}</Text>
            <Badge variant="light">{t(`roles.${org.role}`)}</Badge>
          </Group>
          <Text size="sm" c="dimmed" mt={6}>
            {t(`roleDescriptions.${org.role}`)}
          </Text>
        </SummaryCard>
        {manager ? (
          <SummaryCard title={t('home.members')} id="home-members">
            {members.isPending ? (
              <SectionLoader />
            ) : (
              <>
                <Text fz={36} fw={700} lh={1.2}>
                  {formatNumber(total, locale)}
                  <Text span fz="md" fw={500} ml={4}>
                    {t('home.peopleUnit', { count: total })}
                  </Text>
                </Text>
                <Text size="sm" c="dimmed" mb={6}>
                  {ROLES.filter((r) => list.some((m) => m.role === r))
                    .map((r) => `${t(`roles.${r}`)} ${list.filter((m) => m.role === r).length}`)
                    .join(' · ')}
                </Text>
                <Anchor component={Link} to="/members" size="sm">
                  {t('home.seeMembers')}
                </Anchor>
              </>
            )}
          </SummaryCard>
        ) : null}
        {manager ? (
          <SummaryCard title={t('home.mfaCoverage')} id="home-mfa">
            {members.isPending ? (
              <SectionLoader />
            ) : (
              <Group wrap="nowrap" gap="md">
                <RingProgress
                  size={96}
                  thickness={10}
                  roundCaps
                  aria-hidden
                  sections={[{ value: coverage, color: coverage === 100 ? 'teal' : 'orange' }]}
                  label={
                    <Text ta="center" fw={700} size="lg">
                      {coverage}%
                    </Text>
                  }
                />
                <Stack gap={4}>
                  <Text fw={600}>{t('home.mfaCount', { withMfa, total })}</Text>
                  <Text size="sm" c="dimmed">
                    {org.requireMfa ? t('home.policyOn') : t('home.policyOff')}
                  </Text>
                  {policyGaps > 0 ? (
                    <Text size="sm" c="red.9">
                      {t('home.policyGaps', { count: policyGaps })}
                    </Text>
                  ) : null}
                </Stack>
              </Group>
            )}
          </SummaryCard>
        ) : null}
      </SimpleGrid>
      {/* An owner always sees the list (the audit trail is on it); others only when something is left to do. */}
      {manager || steps.length ? <AdminSteps steps={steps} /> : null}
    </>
  );
}
