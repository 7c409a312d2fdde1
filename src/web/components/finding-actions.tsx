import { Anchor, Button, List, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { toApiError } from '../api/api-client.ts';
import { ProblemAlert } from './problem-alert.tsx';
import { SectionCard } from './section-card.tsx';

interface OpenedAction {
  id: string;
  title: string;
}

/**
 * The corrective actions a record's findings were opened as (a data store's
 * gaps, a drill's findings), each linked to its page, and the button that
 * opens the rest when there are any.
 */
export function FindingActions(p: {
  title: string;
  empty: string;
  openLabel: string;
  actions: readonly OpenedAction[];
  /** Whether the member may open them and some are not open yet. */
  canOpen: boolean;
  open: { mutate: () => void; isPending: boolean; error: unknown };
  testId: string;
}) {
  return (
    <SectionCard id="actions" title={p.title}>
      <Stack gap="sm">
        {p.actions.length ? (
          <List size="sm" spacing={4} data-testid={p.testId}>
            {p.actions.map((a) => (
              <List.Item key={a.id}>
                <Anchor component={Link} to={`/corrective-actions/${a.id}`}>
                  {a.title}
                </Anchor>
              </List.Item>
            ))}
          </List>
        ) : (
          <Text size="sm" c="dimmed">
            {p.empty}
          </Text>
        )}
        {p.canOpen ? (
          <div>
            <Button variant="light" loading={p.open.isPending} onClick={() => p.open.mutate()}>
              {p.openLabel}
            </Button>
          </div>
        ) : null}
        <ProblemAlert problem={p.open.error ? toApiError(p.open.error) : null} />
      </Stack>
    </SectionCard>
  );
}
