/**
 * Zip bombs against the running server (issue 18): part of
 * `bench/asset-import.bench.ts`, so its figures print in the same run.
 * For each bomb: how long until the import is refused, the slowest /healthz
 * answer meanwhile (asked back to back over HTTP), and this process's memory
 * (the server runs in it) before, at its highest while refusing, and after.
 * Prints figures; never asserts.
 */
import v8 from 'node:v8';
import vm from 'node:vm';
import { BOMB_HEADER, bombRow, deflatedPart, repeatedRows, rowXml, xlsxWithSheet } from '../test/assets/xlsx-builder.ts';
import { fmt } from './load.ts';

const MB = 1024 * 1024;

/** A full collection before each "before" and "after", so the figures are what is still held, not garbage. */
function collector(): () => void {
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
}

interface Bomb {
  label: string;
  bytes: Buffer;
  unpacked: number;
}

async function bombs(): Promise<Bomb[]> {
  const same = () => rowXml(2, ['顧客台帳', '電子媒体', 1, 'A', 1]);
  const sheet = (rows: number, row: (n: number) => string) => deflatedPart('xl/worksheets/sheet1.xml', repeatedRows(BOMB_HEADER, rows, 200 * MB, row), 1);
  const repeated = await sheet(4000, same);
  const varied = await sheet(10_000, bombRow);
  return [
    { label: 'one row repeated', bytes: await xlsxWithSheet(repeated), unpacked: repeated.size },
    { label: 'valid rows', bytes: await xlsxWithSheet(varied), unpacked: varied.size },
    { label: 'declares 1 MB', bytes: await xlsxWithSheet({ ...repeated, declaredSize: MB }), unpacked: repeated.size },
  ];
}

/** Upload, and check when the upload is taken: the import's refusal (a file problem) as the page would see it. */
async function refuse(base: string, headers: Record<string, string>, bomb: Bomb): Promise<string> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bomb.bytes)]), 'bomb.xlsx');
  const up = await fetch(`${base}/api/v1/asset-imports`, { method: 'POST', headers, body: form });
  const imp = (await up.json()) as { id: string; version: number; mapping: unknown; code?: string; title?: string };
  if (up.status === 400) return `upload: ${imp.title?.slice(0, 40)}`;
  if (up.status !== 201) throw new Error(`upload: ${up.status} ${JSON.stringify(imp)}`);
  const v = await fetch(`${base}/api/v1/asset-imports/${imp.id}/validate`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({ mapping: imp.mapping, version: imp.version }),
  });
  if (v.status !== 202) throw new Error(`validate: ${v.status} ${await v.text()}`);
  for (;;) {
    const r = (await (await fetch(`${base}/api/v1/asset-imports/${imp.id}`, { headers })).json()) as { status: string };
    if (r.status !== 'validating') break;
    await new Promise((res) => setTimeout(res, 50));
  }
  const issues = (await (await fetch(`${base}/api/v1/asset-imports/${imp.id}/issues?limit=1&cursor=0`, { headers })).json()) as { items: { message: string }[] };
  return `check: ${issues.items[0]?.message.slice(0, 40) ?? '(no issue)'}`;
}

export async function zipBombFigures(base: string, headers: Record<string, string>): Promise<void> {
  const gc = collector();
  const list = await bombs();
  console.log('\nZip bombs (XLSX, about 200 MB of sheet XML each): refused how and how fast, /healthz meanwhile, this process before → peak → after');
  console.log(`${'bomb'.padEnd(18)} ${'packed'.padStart(8)} ${'unpacked'.padStart(9)} ${'refused'.padStart(8)} ${'healthz max'.padStart(11)} ${'RSS MB'.padStart(20)} ${'heap MB'.padStart(16)}  refused at`);
  for (const bomb of list) {
    gc();
    const before = process.memoryUsage();
    let peak = before.rss;
    let healthzMax = 0;
    let done = false;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
    const healthz = (async () => {
      while (!done) {
        const t0 = performance.now();
        await (await fetch(`${base}/healthz`)).text();
        healthzMax = Math.max(healthzMax, performance.now() - t0);
      }
    })();
    const t0 = performance.now();
    const outcome = await refuse(base, headers, bomb);
    const ms = performance.now() - t0;
    done = true;
    await healthz;
    clearInterval(sampler);
    gc();
    const after = process.memoryUsage();
    const mb = (n: number) => fmt(n / MB);
    console.log(
      `${bomb.label.padEnd(18)} ${`${fmt(bomb.bytes.length / MB, 1)} MB`.padStart(8)} ${`${fmt(bomb.unpacked / MB)} MB`.padStart(9)} ${`${fmt(ms / 1000, 2)} s`.padStart(8)} ${`${fmt(healthzMax)} ms`.padStart(11)} ${`${mb(before.rss)} → ${mb(peak)} → ${mb(after.rss)}`.padStart(20)} ${`${mb(before.heapUsed)} → ${mb(after.heapUsed)}`.padStart(16)}  ${outcome}`,
    );
  }
}
