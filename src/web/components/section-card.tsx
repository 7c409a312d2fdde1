import { Paper, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A titled card with an h2 that labels its section. */
export function SectionCard({ id, title, description, children }: { id: string; title: string; description?: ReactNode; children: ReactNode }) {
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby={`${id}-heading`} id={id}>
      <Title order={2} fz="h3" id={`${id}-heading`} mb={description ? 4 : 'md'}>
        {title}
      </Title>
      {description ? (
        <Text size="sm" c="dimmed" mb="md">
          {description}
        </Text>
      ) : null}
      {children}
    </Paper>
  );
}
