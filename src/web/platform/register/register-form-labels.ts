import type { TFunction } from 'i18next';
import type { RegisterFormLabels } from './register-form.tsx';

type LabelKey = 'back' | 'create' | 'delete' | 'deleteTitle' | 'deleteConfirm';

/**
 * A register form's words, read under the register's message prefix unless
 * `keys` names another: `<prefix>.back`, `.create`, `.delete` (the button,
 * and the dialog's title unless `deleteTitle` is named) and `.deleteConfirm`,
 * given `confirm` (the record's name). Saving is the common "save".
 */
export function registerFormLabels(t: TFunction, prefix: string, confirm: Record<string, string>, keys: Partial<Record<LabelKey, string>> = {}): RegisterFormLabels {
  const key = (k: Exclude<LabelKey, 'deleteTitle'>) => keys[k] ?? `${prefix}.${k}`;
  return {
    back: t(key('back')),
    create: t(key('create')),
    save: t('common.save'),
    delete: t(key('delete')),
    deleteTitle: t(keys.deleteTitle ?? key('delete')),
    deleteMessage: t(key('deleteConfirm'), confirm),
  };
}
