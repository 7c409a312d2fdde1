import { Anchor, Badge, Button, Group, List, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { toApiError } from '../api/api-client.ts';
import { ProblemAlert } from './problem-alert.tsx';
import { SectionCard } from './section-card.tsx';

interface OpenedAction {
  id: string;
  title: string;
}

/** One finding of the record, with the open action that answers it (null: none yet). */
export interface FindingLine {
  key: string;
  label: string;
  action: OpenedAction | null;
}

// Long findings wrap inside their badge instead of being cut off.
const plain = { textTransform: 'none', whiteSpace: 'normal', height: 'auto' } as const;
const wrapping = { label: { whiteSpace: 'normal', overflow: 'visible' } } as const;

/** Each finding with the action open for it, linked, or the button that opens one for it alone. */
function FindingLines(p: { lines: readonly FindingLine[]; canOpen: boolean; openLabel: string; openLabelFor: (line: FindingLine) => string; onOpen: (key: string) => void; pending: string | null; testId: string }) {
  return (
    <List size="sm" spacing={6} listStyleType="none" ml={0} pl={0} data-testid={`${p.testId}-findings`}>
      {p.lines.map((line) => (
        <List.Item key={line.key} data-testid="finding-line">
          <Group gap="xs" wrap="wrap">
            <Badge color={line.action ? 'blue' : 'orange'} variant="light" style={plain} styles={wrapping}>
              {line.label}
            </Badge>
            {line.action ? (
              <Anchor component={Link} to={`/corrective-actions/${line.action.id}`} size="sm">
                {line.action.title}
              </Anchor>
            ) : p.canOpen ? (
              <Button size="compact-sm" variant="light" loading={p.pending === line.key} onClick={() => p.onOpen(line.key)} aria-label={p.openLabelFor(line)}>
                {p.openLabel}
              </Button>
            ) : null}
          </Group>
        </List.Item>
      ))}
    </List>
  );
}

/**
 * The corrective actions a record's findings were opened as (a data store's
 * gaps, a drill's findings, an account's or a log source's findings), each
 * linked to its page, and either the button that opens the rest when there
 * are any (`open`), or, for records whose findings open one at a time, each
 * finding with its open action or its own button (`findings`).
 */
export function FindingActions(p: {
  title: string;
  empty: string;
  actions: readonly OpenedAction[];
  /** The button that opens every finding not open yet. */
  openLabel?: string;
  /** Whether the member may open them and some are not open yet. */
  canOpen?: boolean;
  open?: { mutate: () => void; isPending: boolean; error: unknown };
  /** Findings opened one at a time; `pending`: the one on its way. */
  findings?: { lines: readonly FindingLine[]; canOpen: boolean; openLabel: string; openLabelFor: (line: FindingLine) => string; onOpen: (key: string) => void; pending: string | null; error: unknown };
  testId: string;
}) {
  const error = p.open?.error ?? p.findings?.error;
  return (
    <SectionCard id="actions" title={p.title}>
      <Stack gap="sm">
        {p.findings?.lines.length ? <FindingLines {...p.findings} testId={p.testId} /> : null}
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
        {p.open && p.canOpen ? (
          <div>
            <Button variant="light" loading={p.open.isPending} onClick={() => p.open?.mutate()}>
              {p.openLabel}
            </Button>
          </div>
        ) : null}
        <ProblemAlert problem={error ? toApiError(error) : null} />
      </Stack>
    </SectionCard>
  );
}
