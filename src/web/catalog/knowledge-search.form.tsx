import { Button, Group, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { searchPath } from './knowledge-paths.ts';

/**
 * The knowledge-base search box. It searches on Enter or the button, not on
 * every keystroke, so typing Japanese through an input method (変換 then 確定)
 * never searches for half-composed text.
 */
export function KnowledgeSearchForm({ initial = '', autoFocus = false }: { initial?: string; autoFocus?: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [q, setQ] = useState(initial);
  return (
    <form
      role="search"
      aria-label={t('catalog.search.title')}
      onSubmit={(e) => {
        e.preventDefault();
        const text = q.trim();
        if (text) navigate(searchPath(text));
      }}
    >
      <Group align="flex-end" gap="sm" wrap="nowrap">
        <TextInput
          label={t('catalog.search.label')}
          placeholder={t('catalog.search.placeholder')}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          maxLength={100}
          type="search"
          autoFocus={autoFocus}
          style={{ flex: 1 }}
        />
        <Button type="submit">{t('catalog.search.submit')}</Button>
      </Group>
    </form>
  );
}
