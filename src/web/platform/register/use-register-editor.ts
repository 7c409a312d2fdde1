import { type RecordEditorOptions, useRecordEditor } from '../../api/use-record-editor.ts';
import type { RegisterRecords } from './register.query.ts';

interface Pending {
  isPending: boolean;
}

/** useRecordEditor with what the form shell shows of the save: whether the create or the update is on its way. */
export function useRegisterEditor<Values extends object, Body, Row extends { id: string; version: number }>(
  o: RecordEditorOptions<Values, Body, Row> & { create: Pending; update: Pending },
) {
  const editor = useRecordEditor(o);
  return { ...editor, saving: o.create.isPending || o.update.isPending };
}

/**
 * What a register's edit page wires the same way every time (`id` undefined:
 * a new record): the record, its create, update and delete, and the editor
 * over them, for RegisterForm (`<RegisterForm {...edit} …>`: its `isNew`,
 * `record`, `remove` and `editor`).
 */
export function useRegisterRecordEditor<Values extends object, Create, Row extends { id: string; version: number }>(
  records: RegisterRecords<Row, Create>,
  id: string | undefined,
  o: Omit<RecordEditorOptions<Values, Create, Row>, 'data' | 'isNew' | 'create' | 'update'>,
) {
  const isNew = !id;
  const record = records.useRecord(isNew ? null : id);
  const create = records.useCreate();
  const update = records.useUpdate(id ?? '');
  const remove = records.useDelete();
  const editor = useRegisterEditor({ ...o, data: record.data, isNew, create, update });
  return { isNew, record, remove, editor };
}
