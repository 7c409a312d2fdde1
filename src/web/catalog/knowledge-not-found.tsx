import { toApiError } from '../api/api-client.ts';
import { PageHeader } from '../components/page-header.tsx';
import { ProblemAlert } from '../components/problem-alert.tsx';
import { KnowledgeBreadcrumbs } from './knowledge-breadcrumbs.tsx';

/** What a collection's or an item's page shows when it could not be read: where it would have been, and why not. */
export function KnowledgeNotFound({ current, title, error }: { current: string; title: string; error: unknown }) {
  return (
    <>
      <KnowledgeBreadcrumbs trail={[]} current={current} />
      <PageHeader title={title} />
      <ProblemAlert problem={toApiError(error)} />
    </>
  );
}
