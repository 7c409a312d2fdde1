import type { z } from 'zod';
import type { TTask, UpdateTaskRequestSchema } from '../../shared/schemas/roadmap.schema.ts';

/** The fields of a task one edit changes (an owner, a due date, a status, a note). */
export type TaskPatch = Omit<z.input<typeof UpdateTaskRequestSchema>, 'version'>;
type Field = keyof TaskPatch;

/** How the queue reaches the server: POST for a practice item without a task, PATCH with the version otherwise. */
export interface TaskTransport {
  create(input: TaskPatch & { practiceItemId: string }): Promise<TTask>;
  update(input: TaskPatch & { id: string; version: number }): Promise<TTask>;
}

export interface TaskEditListener {
  /** The server stored the task: the page can show it at once. */
  saved(task: TTask): void;
  /** A request failed; the edits queued behind it were dropped, since they were made on top of it. */
  failed(error: unknown): void;
  /** What the page shows for a field that is not saved yet changed. */
  changed(): void;
}

/**
 * The edits of one task, sent one at a time. Two quick edits of an item
 * that has no task yet (an owner chosen, then a due date typed at once)
 * would otherwise both POST, and the second would fail with 409 behind the
 * member's back. Here the second waits for the create and goes as a PATCH
 * with the version the create returned; edits made while a request is on
 * its way are merged into the next one.
 */
export class TaskEditQueue {
  private stored: { id: string; version: number } | null = null;
  /** Edits not yet sent, merged. */
  private waiting: TaskPatch | null = null;
  /** Each field not saved yet, with the number of the edit that last set it. */
  private unsaved = new Map<Field, { value: unknown; seq: number }>();
  private seq = 0;
  private running: Promise<void> | null = null;

  constructor(
    private readonly practiceItemId: string,
    private readonly transport: TaskTransport,
    private readonly listener: TaskEditListener,
  ) {}

  /** The task as the page last read it: a newer version (another member's edit, a reload) replaces the one the queue holds. */
  seen(task: { id: string; version: number } | null): void {
    if (task && (!this.stored || this.stored.id !== task.id || task.version > this.stored.version)) this.stored = { id: task.id, version: task.version };
  }

  /** The values edited but not saved yet, for the page to show instead of the stored ones. */
  pending(): TaskPatch {
    return Object.fromEntries([...this.unsaved].map(([field, { value }]) => [field, value])) as TaskPatch;
  }

  get busy(): boolean {
    return this.running !== null;
  }

  /** Queues an edit; resolves once every queued edit has been sent (or one failed). */
  edit(patch: TaskPatch): Promise<void> {
    this.seq++;
    for (const [field, value] of Object.entries(patch) as [Field, unknown][]) if (value !== undefined) this.unsaved.set(field, { value, seq: this.seq });
    this.waiting = { ...this.waiting, ...patch };
    this.listener.changed();
    this.running ??= this.drain();
    return this.running;
  }

  private async drain(): Promise<void> {
    while (this.waiting) {
      const patch = this.waiting;
      const upTo = this.seq;
      this.waiting = null;
      try {
        const task = this.stored
          ? await this.transport.update({ id: this.stored.id, ...patch, version: this.stored.version })
          : await this.transport.create({ practiceItemId: this.practiceItemId, ...patch });
        this.stored = { id: task.id, version: task.version };
        for (const [field, { seq }] of this.unsaved) if (seq <= upTo) this.unsaved.delete(field);
        this.listener.saved(task);
      } catch (error) {
        this.waiting = null;
        this.unsaved.clear();
        this.listener.failed(error);
      }
      this.listener.changed();
    }
    // Cleared here, not in a later callback, so an edit made as the last request ends still starts a new run.
    this.running = null;
  }
}
