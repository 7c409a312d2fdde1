import type { UseFormReturnType } from '@mantine/form';
import { useCallback, useState } from 'react';
import { type ApiError, toApiError } from './api-client.ts';

/**
 * Puts a problem's field messages on the matching @mantine/form fields and
 * keeps the rest (title and fields the form does not show) for an alert.
 */
export function useServerErrors<V extends Record<string, unknown>>(form: UseFormReturnType<V, any>) {
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
