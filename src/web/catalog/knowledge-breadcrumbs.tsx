import { Anchor, Breadcrumbs, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { KNOWLEDGE_PATH } from './knowledge-paths.ts';

export interface Crumb {
  label: string;
  to: string;
}

/** Where the page sits: ナレッジベース › collection › ancestors › this page. */
export function KnowledgeBreadcrumbs({ trail, current }: { trail: Crumb[]; current: string }) {
  const { t } = useTranslation();
  const crumbs = [{ label: t('catalog.title'), to: KNOWLEDGE_PATH }, ...trail];
  return (
    <nav aria-label={t('catalog.breadcrumbs')} className="kb-breadcrumbs">
      <Breadcrumbs separator="›" separatorMargin={6}>
        {crumbs.map((c) => (
          <Anchor key={c.to} component={Link} to={c.to} size="sm">
            {c.label}
          </Anchor>
        ))}
        <Text size="sm" c="dimmed" aria-current="page" className="kb-breadcrumb-current">
          {current}
        </Text>
      </Breadcrumbs>
    </nav>
  );
}
