import type { TFunction } from 'i18next';

/**
 * The same limits as PasswordSchema (src/shared/schemas/auth.schema.ts), repeated
 * as numbers so the first page does not load Zod. The translations test checks they agree.
 */
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

/** Quick checks before a round trip; the server decides (length, strength) and its message wins. */
export function newPasswordRules(t: TFunction) {
  return {
    password: (v: string) =>
      v.length < PASSWORD_MIN ? t('errors.passwordTooShort', { min: PASSWORD_MIN }) : v.length > PASSWORD_MAX ? t('errors.passwordTooLong', { max: PASSWORD_MAX }) : null,
    passwordConfirm: (v: string, values: { password: string }) => (v === values.password ? null : t('common.passwordMismatch')),
  };
}

/** A `next` parameter that stays inside the app. */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/';
}
