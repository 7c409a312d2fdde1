import { Anchor, Paper, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

interface SummaryCardProps {
  /** The heading's id, which labels the card. */
  id: string;
  title: string;
  /** The page with the details, linked at the foot of the card. */
  link?: { to: string; label: string };
  /** A card inside a section (h3, smaller) rather than on the page itself (h2). */
  nested?: boolean;
  testId?: string;
  children: ReactNode;
}

/** One figure of a summary (the dashboard, the home page's journey): a muted heading, the figure, a link on. */
export function SummaryCard({ id, title, link, nested, testId, children }: SummaryCardProps) {
  return (
    <Paper withBorder p={nested ? 'md' : 'lg'} component="section" aria-labelledby={id} data-testid={testId}>
      <Stack gap="xs" h="100%">
        <Title order={nested ? 3 : 2} fz={nested ? 'sm' : 'md'} c="dimmed" fw={600} id={id}>
          {title}
        </Title>
        {children}
        {link ? (
          <Anchor component={Link} to={link.to} size="sm" mt="auto">
            {link.label}
          </Anchor>
        ) : null}
      </Stack>
    </Paper>
  );
}
