import { Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { toApiError } from '../api/api-client.ts';
import { SectionLoader } from './full-page-loader.tsx';
import { ProblemAlert } from './problem-alert.tsx';

interface QueryStateProps {
  /** The query that loads what `children` shows. */
  query: { error: unknown; isPending: boolean };
  /** Said instead of `children` when what loaded has nothing to show (null: show `children`). */
  empty?: string | null;
  children: ReactNode;
}

/** A section's content with what it shows meanwhile: a loader, the query's problem, or that there is nothing yet. */
export function QueryState({ query, empty = null, children }: QueryStateProps) {
  return (
    <>
      <ProblemAlert problem={query.error ? toApiError(query.error) : null} />
      {query.isPending ? <SectionLoader /> : empty !== null ? <Text c="dimmed">{empty}</Text> : children}
    </>
  );
}
