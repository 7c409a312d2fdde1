import { fmt, verdict } from './load.ts';

/**
 * The targets of one `npm run bench` run, collected from every benchmark and
 * printed together at the end (`printTargets`), each with the figure measured
 * in this run. A benchmark run alone prints its own lines as before.
 */

export interface Target {
  label: string;
  value: number | null;
  /** How the target reads, e.g. ">= 0.50" or "< 10 s". */
  target: string;
  ok: (v: number) => boolean;
  digits?: number;
}

const targets: Target[] = [];
const figures = new Map<string, number>();

export function recordTarget(t: Target): void {
  targets.push(t);
}

/** A figure another benchmark compares with (the one-SELECT route's req/s). */
export function recordFigure(name: string, value: number): void {
  figures.set(name, value);
}

export const figure = (name: string): number | null => figures.get(name) ?? null;

export function printTargets(): void {
  if (!targets.length) return;
  console.log('\nTargets of this run');
  for (const t of targets) {
    const shown = t.value === null ? 'n/a' : fmt(t.value, t.digits);
    console.log(`  ${t.label.padEnd(48)} ${shown.padStart(10)}   target ${t.target.padEnd(12)} ${t.value === null ? 'not measured' : verdict(t.ok(t.value))}`);
  }
}
