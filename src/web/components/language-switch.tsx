import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { TLocale } from '../../shared/schemas/common.schema.ts';
import { currentLocale } from '../i18n/i18n.ts';
import { useChangeLocale } from '../platform/auth/session.query.ts';

/**
 * The UI's language, 日本語 / English: each option is written in its own
 * language so anyone can find theirs; the group is labelled in the current one.
 */
export function LanguageSwitch({ size = 'xs' }: { size?: 'xs' | 'sm' }) {
  const { t, i18n } = useTranslation();
  const change = useChangeLocale();
  const value = (i18n.language as TLocale) ?? currentLocale();
  return <DocumentLanguageSwitch size={size} label={t('common.language')} value={value} onChange={(v) => change.mutate(v)} />;
}

/**
 * The language of a document (a printed report, an exported file), which
 * need not be the UI's: `?lang=ja|en` of the page, else the UI's language.
 */
export function useDocumentLanguage(ui: TLocale): [TLocale, (lang: TLocale) => void] {
  const [search, setSearch] = useSearchParams();
  const asked = search.get('lang');
  const lang: TLocale = asked === 'en' || asked === 'ja' ? asked : ui;
  return [lang, (next) => setSearch({ lang: next })];
}

/** 日本語 / English, each option in its own language, labelled by what it switches: the UI (LanguageSwitch) or a document (useDocumentLanguage). */
export function DocumentLanguageSwitch({ label, value, onChange, size }: { label: string; value: TLocale; onChange: (lang: TLocale) => void; size?: 'xs' | 'sm' }) {
  return (
    <SegmentedControl
      size={size}
      aria-label={label}
      value={value}
      onChange={(v) => onChange(v as TLocale)}
      data={[
        { value: 'ja', label: <span lang="ja">日本語</span> },
        { value: 'en', label: <span lang="en">English</span> },
      ]}
    />
  );
}
