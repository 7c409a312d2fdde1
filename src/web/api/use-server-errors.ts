import { type ReactNode, useCallback, useState } from 'react';
import { type ApiError, toApiError } from './api-client.ts';

/**
 * Puts a problem's field messages on the matching @mantine/form fields and
 * keeps the rest (title and fields the form does not show) for an alert.
 */
/** The part of a @mantine/form form this hook needs (the package's own type does not resolve under NodeNext). */
export interface ErrorTargetForm {
  getValues(): object;
  setErrors(errors: Record<string, ReactNode>): void;
}

export function useServerErrors(form: ErrorTargetForm) {
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [otherFieldMessages, setOther] = useState<string[]>([]);

  const apply = useCallback(
    (error: unknown) => {
      const e = toApiError(error);
      const fields = e.fieldErrors;
      const known = Object.keys(form.getValues());
      const onForm: Record<string, string> = {};
      const other: string[] = [];
      for (const [path, message] of Object.entries(fields)) {
        if (known.includes(path)) onForm[path] = message;
        else other.push(message);
      }
      form.setErrors(onForm);
      setOther(other);
      setProblem(e);
    },
    [form],
  );

  const clear = useCallback(() => {
    setProblem(null);
    setOther([]);
  }, []);

  return { problem, otherFieldMessages, apply, clear };
}
