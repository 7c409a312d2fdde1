import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TLocale } from '../../shared/schemas/common.schema.ts';
import { currentLocale } from '../i18n/i18n.ts';
import { useChangeLocale } from '../platform/auth/session.query.ts';

/**
 * 日本語 / English. Each option is written in its own language so anyone can
 * find theirs; the group is labelled in the current one.
 */
export function LanguageSwitch({ size = 'xs' }: { size?: 'xs' | 'sm' }) {
  const { t, i18n } = useTranslation();
  const change = useChangeLocale();
  const value = (i18n.language as TLocale) ?? currentLocale();
  return (
    <SegmentedControl
      size={size}
      aria-label={t('common.language')}
      value={value}
      onChange={(v) => change.mutate(v as TLocale)}
      data={[
        { value: 'ja', label: <span lang="ja">日本語</span> },
        { value: 'en', label: <span lang="en">English</span> },
      ]}
    />
  );
}
