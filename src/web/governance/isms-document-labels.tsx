import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TIsmsDocument } from './isms-document.query.ts';

const STANDING_COLOR: Record<TIsmsDocument['standing'], string> = { notApproved: 'gray', retired: 'gray', current: 'green', dueSoon: 'yellow', overdue: 'red' };

/** Where a document's review stands, as a badge. */
export function StandingBadge({ standing }: { standing: TIsmsDocument['standing'] }) {
  const { t } = useTranslation();
  return (
    <Badge color={STANDING_COLOR[standing]} variant="light" style={{ textTransform: 'none' }}>
      {t(`governance.documents.standing.${standing}`)}
    </Badge>
  );
}
