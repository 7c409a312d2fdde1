import type { TFunction } from 'i18next';
import type { z } from 'zod';
import type { TProblem } from '../../../shared/schemas/common.schema.ts';

/**
 * An expected failure with an HTTP status. `code` names a message under
 * `errors.` in src/shared/i18n; the error handler renders it as RFC 9457
 * problem+json in the user's language.
 */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly params: Record<string, unknown> = {},
    readonly fieldErrors: FieldError[] = [],
  ) {
    super(code);
  }
}

export interface FieldError {
  path: string;
  code: string;
  message?: string;
  params?: Record<string, unknown>;
}

export const notFound = () => new HttpProblem(404, 'notFound');
export const forbidden = (code = 'forbidden') => new HttpProblem(403, code);
export const conflict = (code = 'conflict') => new HttpProblem(409, code);
export const badRequest = (code = 'badRequest', params: Record<string, unknown> = {}) =>
  new HttpProblem(400, code, params);

/** Zod issues to translated per-field errors. */
export function fieldErrorsFromZod(issues: z.core.$ZodIssue[], prefix = ''): FieldError[] {
  return issues.flatMap((issue): FieldError[] => {
    const base = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
    const i = issue as z.core.$ZodIssue & Record<string, unknown>;
    switch (issue.code) {
      case 'invalid_type':
        if (i.input === undefined) return [{ path: base, code: 'required' }];
        return [{ path: base, code: 'invalidType', params: { expectedKey: String(i.expected) } }];
      case 'too_small': {
        const origin = String(i.origin);
        const code = origin === 'string' ? 'tooSmallString' : origin === 'array' || origin === 'set' ? 'tooSmallArray' : 'tooSmallNumber';
        return [{ path: base, code, params: { minimum: String(i.minimum) } }];
      }
      case 'too_big': {
        const origin = String(i.origin);
        const code = origin === 'string' ? 'tooBigString' : origin === 'array' || origin === 'set' ? 'tooBigArray' : 'tooBigNumber';
        return [{ path: base, code, params: { maximum: String(i.maximum) } }];
      }
      case 'invalid_format': {
        const format = String(i.format);
        const code = format === 'email' ? 'invalidEmail' : format === 'uuid' ? 'invalidUuid' : 'invalidFormat';
        return [{ path: base, code }];
      }
      case 'invalid_value':
        return [{ path: base, code: 'invalidValue', params: { values: (i.values as unknown[]).join(', ') } }];
      case 'unrecognized_keys':
        return [{ path: base, code: 'unknownKey', params: { keys: (i.keys as string[]).join(', ') } }];
      case 'invalid_union':
        return [{ path: base, code: 'invalid' }];
      case 'custom': {
        const { i18n, ...params } = (i.params ?? {}) as { i18n?: string } & Record<string, unknown>;
        return [{ path: base, code: i18n ?? 'invalid', ...(Object.keys(params).length ? { params } : {}) }];
      }
      default:
        return [{ path: base, code: 'invalid' }];
    }
  });
}

export function renderProblem(problem: HttpProblem, t: TFunction): TProblem {
  const title = t(`errors.${problem.code}`, problem.params as Record<string, string>);
  return {
    type: `urn:kumoji:problem:${problem.code}`,
    title,
    status: problem.status,
    code: problem.code,
    ...(problem.fieldErrors.length
      ? {
          errors: problem.fieldErrors.map((f) => ({
            path: f.path,
            code: f.code,
            message:
              f.message ??
              t([`errors.field.${f.code}`, `errors.${f.code}`], {
                ...(f.params as Record<string, string>),
                expected: f.params?.expectedKey ? t(`errors.types.${String(f.params.expectedKey)}`) : '',
              }),
          })),
        }
      : {}),
  };
}
