import { Anchor, Badge, Button, Group, List, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { toApiError } from '../api/api-client.ts';
import { ProblemAlert } from '../components/problem-alert.tsx';
import { SectionCard } from '../components/section-card.tsx';
import { type TIncident, useAddFinding } from './incident.query.ts';

/**
 * The post-incident review's findings: each one opens as a corrective action
 * (PDCA, in operations) and is listed here with the phase it stands in.
 */
export function ReviewFindingsSection({ incident, canWrite }: { incident: TIncident; canWrite: boolean }) {
  const { t } = useTranslation();
  const add = useAddFinding(incident.id);
  const [title, setTitle] = useState('');
  const [plan, setPlan] = useState('');
  const problem = add.error ? toApiError(add.error) : null;
  return (
    <SectionCard id="findings" title={t('incidents.review.findings')} description={t('incidents.review.findingsHint')}>
      <Stack gap="sm">
        {incident.findings.length ? (
          <List size="sm" spacing={4} data-testid="findings">
            {incident.findings.map((f) => (
              <List.Item key={f.id}>
                <Group gap="xs">
                  <Anchor component={Link} to={`/corrective-actions/${f.id}`}>
                    {f.title}
                  </Anchor>
                  <Badge variant="light" color={f.phase === 'closed' ? 'gray' : 'blue'}>
                    {t(`operations.actions.phases.${f.phase}`)}
                  </Badge>
                  {f.dueOn ? (
                    <Text span size="xs" c={f.overdue ? 'red' : 'dimmed'}>
                      {t('incidents.review.dueOn', { date: f.dueOn })}
                    </Text>
                  ) : null}
                </Group>
              </List.Item>
            ))}
          </List>
        ) : (
          <Text size="sm" c="dimmed">
            {t('incidents.review.noFindings')}
          </Text>
        )}
        {canWrite ? (
          <Stack gap="xs" data-testid="add-finding">
            <TextInput label={t('incidents.review.findingTitle')} maxLength={200} value={title} onChange={(e) => setTitle(e.currentTarget.value)} />
            <Textarea label={t('incidents.review.findingPlan')} autosize minRows={2} maxLength={4000} value={plan} onChange={(e) => setPlan(e.currentTarget.value)} />
            <ProblemAlert problem={problem} extra={problem ? Object.values(problem.fieldErrors) : []} />
            <Group>
              <Button
                variant="light"
                disabled={!title.trim()}
                loading={add.isPending}
                onClick={() => add.mutate({ title: title.trim(), plan: plan.trim() }, { onSuccess: () => (setTitle(''), setPlan('')) })}
                data-testid="add-finding-submit"
              >
                {t('incidents.review.addFinding')}
              </Button>
            </Group>
          </Stack>
        ) : null}
      </Stack>
    </SectionCard>
  );
}
