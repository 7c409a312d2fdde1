import { useTranslation } from 'react-i18next';
import type { TAuditEntry } from '../../../shared/schemas/audit.schema.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { useLocaleAndZone } from '../../i18n/use-locale-and-zone.ts';

/** Entity types the organisation's trail records today (the filter lists these). */
export const AUDIT_ENTITY_TYPES = ['organisation', 'member', 'invitation', 'audit'] as const;

/** "member.role-change" → "member_role_change": i18next keys cannot contain dots inside one segment. */
export const actionKey = (action: string) => action.replace(/[.-]/g, '_');

type Translate = (key: string, options?: Record<string, unknown>) => string;
// A register's export (`<entity>.export`, platform/register/export.route.ts) is worded from its entity like its changes.
const REGISTER_VERBS = ['create', 'update', 'delete', 'export'];

/**
 * The name of what an entry is about: a module's own `auditLabels.entities`
 * (each module names its registers' entity types in its messages), or the
 * platform's `audit.entities`; null when neither has it.
 */
export function entityLabelOf(t: Translate, entityType: string): string | null {
  return t(`auditLabels.entities.${entityType}`, { defaultValue: '' }) || t(`audit.entities.${entityType}`, { defaultValue: '' }) || null;
}

/**
 * The name of an action: its own message (`auditLabels.actions`, or the
 * platform's `audit.actions`), else a register's create, update, delete or
 * export worded from its entity's name (「バックアップ計画の登録」); null
 * when neither gives one.
 */
export function actionLabelOf(t: Translate, action: string): string | null {
  const key = actionKey(action);
  const own = t(`auditLabels.actions.${key}`, { defaultValue: '' }) || t(`audit.actions.${key}`, { defaultValue: '' });
  if (own) return own;
  const dot = action.lastIndexOf('.');
  const verb = action.slice(dot + 1);
  const entity = dot > 0 && REGISTER_VERBS.includes(verb) ? entityLabelOf(t, action.slice(0, dot)) : null;
  return entity ? t(`audit.verbs.${verb}`, { entity }) : null;
}

/** A readable name for an audit action; one without any (an entry older than its message) shows its code. */
export function useActionLabel() {
  const { t } = useTranslation();
  return (action: string) => actionLabelOf(t as Translate, action) ?? action;
}

export function useEntityLabel() {
  const { t } = useTranslation();
  return (entityType: string) => entityLabelOf(t as Translate, entityType) ?? entityType;
}

/** "役割: 担当者 → 管理者" for each field an entry's before/after names; field names, roles and booleans translated. */
export function useChangeDescriptions() {
  const { t } = useTranslation();
  const { locale, timeZone } = useLocaleAndZone();
  const value = (field: string, v: unknown): string => {
    if (v === null || v === undefined || v === '') return '—';
    if (typeof v === 'boolean') return v ? t('common.yes') : t('common.no');
    if (field === 'role' && typeof v === 'string') return t(`roles.${v}`, { defaultValue: v });
    if (field === 'locale' && (v === 'ja' || v === 'en')) return v === 'ja' ? '日本語' : 'English';
    if (field === 'format' && typeof v === 'string') return t(`audit.formats.${v}`, { defaultValue: v });
    if (field.endsWith('At') && typeof v === 'string') return formatDateTime(v, locale, timeZone);
    return typeof v === 'string' ? v : JSON.stringify(v);
  };
  return (entry: TAuditEntry): string[] => {
    const before = entry.before && typeof entry.before === 'object' ? (entry.before as Record<string, unknown>) : {};
    const after = entry.after && typeof entry.after === 'object' ? (entry.after as Record<string, unknown>) : {};
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys
      .filter((k) => !(k in before && k in after && JSON.stringify(before[k]) === JSON.stringify(after[k])))
      .map((k) => {
        const label = t(`audit.fields.${k}`, { defaultValue: k });
        if (!(k in before)) return `${label}: ${value(k, after[k])}`;
        if (!(k in after)) return `${label}: ${value(k, before[k])} → —`;
        return `${label}: ${value(k, before[k])} → ${value(k, after[k])}`;
      });
  };
}
