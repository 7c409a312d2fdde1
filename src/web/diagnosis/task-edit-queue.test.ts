import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { TTask } from '../../shared/schemas/roadmap.schema.ts';
import { TaskEditQueue, type TaskPatch } from './task-edit-queue.ts';

const TASK_ID = '00000000-0000-4000-8000-000000000001';

function taskOf(version: number, patch: TaskPatch = {}): TTask {
  return {
    id: TASK_ID,
    stage: '1',
    practiceItemId: 'stage-1.backup',
    owner: patch.ownerUserId ? { userId: patch.ownerUserId, displayName: 'Owner' } : null,
    dueDate: patch.dueDate ?? null,
    status: patch.status ?? 'todo',
    note: patch.note ?? null,
    updatedAt: '2026-12-04T00:00:00.000Z',
    updatedBy: null,
    version,
    open: true,
    overdue: false,
    evidence: [],
  };
}

/** A server that answers each request only when the test says so, and remembers what it was sent. */
function fakeServer() {
  const sent: string[] = [];
  const answers: { resolve: (t: TTask) => void; reject: (e: unknown) => void }[] = [];
  let version = 0;
  const wait = () => new Promise<TTask>((resolve, reject) => answers.push({ resolve, reject }));
  return {
    sent,
    transport: {
      create: (input: TaskPatch & { practiceItemId: string }) => {
        sent.push(`POST ${JSON.stringify(input)}`);
        return wait();
      },
      update: (input: TaskPatch & { id: string; version: number }) => {
        sent.push(`PATCH ${JSON.stringify(input)}`);
        return wait();
      },
    },
    /** Answers the oldest open request with the next version. */
    ok: async () => {
      answers.shift()!.resolve(taskOf(++version));
      await new Promise((r) => setImmediate(r));
    },
    fail: async (error: unknown) => {
      answers.shift()!.reject(error);
      await new Promise((r) => setImmediate(r));
    },
    open: () => answers.length,
  };
}

function queueOn(server: ReturnType<typeof fakeServer>) {
  const events: string[] = [];
  const queue = new TaskEditQueue('stage-1.backup', server.transport, {
    saved: (t) => events.push(`saved v${t.version}`),
    failed: (e) => events.push(`failed ${(e as Error).message}`),
    changed: () => undefined,
  });
  return { queue, events };
}

describe('edits of one roadmap task', () => {
  test('an owner chosen and a due date typed at once: the create, then a PATCH with the version it returned', async () => {
    const server = fakeServer();
    const { queue, events } = queueOn(server);
    void queue.edit({ ownerUserId: 'user-1' });
    void queue.edit({ dueDate: '2026-12-25' });
    assert.deepEqual(server.sent, ['POST {"practiceItemId":"stage-1.backup","ownerUserId":"user-1"}'], 'the second edit waits for the create');
    assert.deepEqual(queue.pending(), { ownerUserId: 'user-1', dueDate: '2026-12-25' }, 'both values show while they are on their way');
    await server.ok();
    assert.equal(server.sent[1], `PATCH {"id":"${TASK_ID}","dueDate":"2026-12-25","version":1}`);
    assert.deepEqual(queue.pending(), { dueDate: '2026-12-25' }, 'the saved owner comes from the server now');
    await server.ok();
    assert.deepEqual(events, ['saved v1', 'saved v2']);
    assert.deepEqual(queue.pending(), {});
    assert.equal(queue.busy, false);
  });

  test('edits made while a request is on its way go together in the next one, the last value of a field winning', async () => {
    const server = fakeServer();
    const { queue } = queueOn(server);
    queue.seen({ id: TASK_ID, version: 4 });
    void queue.edit({ status: 'in-progress' });
    void queue.edit({ dueDate: '2026-12-01' });
    void queue.edit({ dueDate: '2026-12-24' });
    void queue.edit({ note: 'NAS first' });
    await server.ok();
    await server.ok();
    assert.deepEqual(server.sent, [
      `PATCH {"id":"${TASK_ID}","status":"in-progress","version":4}`,
      `PATCH {"id":"${TASK_ID}","dueDate":"2026-12-24","note":"NAS first","version":1}`,
    ]);
    assert.equal(server.open(), 0);
  });

  test('a failed request is reported once, and the edits queued behind it are dropped rather than sent on a stale version', async () => {
    const server = fakeServer();
    const { queue, events } = queueOn(server);
    queue.seen({ id: TASK_ID, version: 2 });
    const done = queue.edit({ status: 'done' });
    void queue.edit({ dueDate: '2026-12-24' });
    await server.fail(new Error('conflict'));
    await done;
    assert.deepEqual(events, ['failed conflict']);
    assert.equal(server.sent.length, 1);
    assert.deepEqual(queue.pending(), {}, 'the page shows the stored values again');
    // The next edit after a reload goes with the version the page read.
    queue.seen({ id: TASK_ID, version: 3 });
    void queue.edit({ status: 'done' });
    assert.equal(server.sent[1], `PATCH {"id":"${TASK_ID}","status":"done","version":3}`);
  });

  test('an older copy of the task read while a save was on its way does not bring its version back', async () => {
    const server = fakeServer();
    const { queue } = queueOn(server);
    void queue.edit({ ownerUserId: 'user-1' });
    await server.ok();
    queue.seen(null);
    queue.seen({ id: TASK_ID, version: 0 });
    void queue.edit({ dueDate: '2026-12-25' });
    assert.equal(server.sent[1], `PATCH {"id":"${TASK_ID}","dueDate":"2026-12-25","version":1}`);
  });
});
