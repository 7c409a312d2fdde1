import { Paper, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A panel of a knowledge base page (an item's content, its facts, a
 * collection's details): a section named by its h2, set smaller than a
 * page's main sections so the item's own text leads.
 */
export function KnowledgeSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby={id}>
      <Title order={2} fz="h4" id={id} mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}
