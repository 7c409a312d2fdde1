import { type RecordEditorOptions, useRecordEditor } from '../../api/use-record-editor.ts';

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
