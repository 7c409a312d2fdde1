import { useForm } from '@mantine/form';
import { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useServerErrors } from './use-server-errors.ts';

/** The part of a TanStack mutation the editor calls. */
interface Mutate<Body, Result> {
  mutate(body: Body, options: { onSuccess: (result: Result) => void; onError: (error: unknown) => void }): void;
}

export interface RecordEditorOptions<Values extends object, Body, Row extends { id: string; version: number }> {
  /** The stored record; undefined while it loads or when the form makes a new one. */
  data: Row | undefined;
  isNew: boolean;
  empty: Values;
  valuesOf: (row: Row) => Values;
  bodyOf: (values: Values) => Body;
  create: Mutate<Body, { id: string }>;
  update: Mutate<Body & { version: number }, unknown>;
  /** Where a created record opens, e.g. (id) => `/assets/${id}`. */
  pathOf: (id: string) => string;
  createdMessage: string;
  savedMessage: string;
}

/**
 * The edit form every versioned record uses: it shows the stored values and
 * reloads them only when another version arrives; a new record opens at its
 * own address with "created"; a save sends the version the form showed, so
 * a concurrent edit gets 409 and the problem is put on the form's fields.
 */
export function useRecordEditor<Values extends object, Body, Row extends { id: string; version: number }>(o: RecordEditorOptions<Values, Body, Row>) {
  const navigate = useNavigate();
  const location = useLocation();
  // Which message shows, not its text: a language switch rewords it.
  const [notice, setNotice] = useState<'created' | 'saved' | null>((location.state as { created?: boolean } | null)?.created ? 'created' : null);
  const saved = notice === 'created' ? o.createdMessage : notice === 'saved' ? o.savedMessage : null;
  const form = useForm<Values>({ mode: 'controlled', initialValues: o.empty });
  const errors = useServerErrors(form);
  const { data } = o;

  useEffect(() => {
    if (data) {
      form.setInitialValues(o.valuesOf(data));
      form.setValues(o.valuesOf(data));
    }
    // Only when another version arrives (a save, or "load the latest").
  }, [data?.id, data?.version]);

  const submit = form.onSubmit((values) => {
    errors.clear();
    setNotice(null);
    if (o.isNew) {
      o.create.mutate(o.bodyOf(values), { onSuccess: (r) => navigate(o.pathOf(r.id), { replace: true, state: { created: true } }), onError: errors.apply });
    } else if (data) {
      o.update.mutate({ ...o.bodyOf(values), version: data.version }, { onSuccess: () => setNotice('saved'), onError: errors.apply });
    }
  });

  const conflict = errors.problem?.status === 409 && errors.problem.code === 'conflict';
  return { form, errors, saved, submit, conflict };
}
