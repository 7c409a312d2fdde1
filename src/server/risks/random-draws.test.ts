import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { drawsFrom, EVENT_BLOCK, fastExp, lnGamma, nextInt32 } from './random-draws.ts';

/** P(Z > z) for z ≥ 0: Simpson's rule over φ from z to z + 12, far more exact than the bounds it is used in. */
function upperTail(z: number): number {
  const steps = 20_000;
  const end = z + 12;
  const h = (end - z) / steps;
  const phi = (x: number) => Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
  let sum = phi(z) + phi(end);
  for (let i = 1; i < steps; i++) sum += phi(z + i * h) * (i % 2 ? 4 : 2);
  return (sum * h) / 3;
}

describe('the generator', () => {
  test('steps exactly as pure-rand’s xoroshiro128+ from the same seed', () => {
    for (const seed of [0, 1, 20261204, -7]) {
      const reference = xoroshiro128plus(seed);
      const state = Int32Array.from(xoroshiro128plus(seed).getState());
      for (let i = 0; i < 1000; i++) assert.equal(nextInt32(state), reference.next(), `seed ${seed}, step ${i}`);
    }
  });

  test('uniforms lie strictly inside (0, 1)', () => {
    const d = drawsFrom(3);
    for (let i = 0; i < 100_000; i++) {
      const u = d.uniform();
      assert.ok(u > 0 && u < 1);
    }
  });
});

describe('normal draws (ziggurat)', () => {
  const d = drawsFrom(20261205);
  const n = 2_000_000;
  const z = Float64Array.from({ length: n }, () => d.normal());
  const share = (pred: (x: number) => boolean) => z.reduce((c, x) => c + (pred(x) ? 1 : 0), 0) / n;

  test('mean 0 and variance 1', () => {
    let sum = 0;
    let squares = 0;
    for (const x of z) {
      sum += x;
      squares += x * x;
    }
    assert.ok(Math.abs(sum / n) < 0.003, `mean ${sum / n}`);
    assert.ok(Math.abs(squares / n - 1) < 0.004, `variance ${squares / n}`);
  });

  // Bounds of four standard errors of a binomial share.
  for (const cut of [0.5, 1.645, 2.5, 3.2, 3.442619855899, 4]) {
    test(`P(Z > ${cut}) and P(Z < −${cut}) match the normal's tail`, () => {
      const p = upperTail(cut);
      const bound = 4 * Math.sqrt((p * (1 - p)) / n);
      assert.ok(Math.abs(share((x) => x > cut) - p) < bound, `upper ${share((x) => x > cut)} vs ${p}`);
      assert.ok(Math.abs(share((x) => x < -cut) - p) < bound, `lower ${share((x) => x < -cut)} vs ${p}`);
    });
  }

  test('the block drawer gives the same distribution as normal() (moments of log-losses)', () => {
    const draws = drawsFrom(11);
    const slots = new Int32Array(EVENT_BLOCK);
    const losses = new Float64Array(EVENT_BLOCK);
    let count = 0;
    let sum = 0;
    let squares = 0;
    let beyond = 0;
    for (let block = 0; block < 400; block++) {
      const got = draws.lognormalEvents(EVENT_BLOCK + 5, 2, 0.5, 7, slots, losses);
      assert.equal(got, EVENT_BLOCK);
      for (let i = 0; i < got; i++) {
        const zi = (Math.log(losses[i]!) - 2) / 0.5;
        sum += zi;
        squares += zi * zi;
        if (zi > 2.5) beyond++;
        assert.ok(slots[i]! >= 0 && slots[i]! < 7);
      }
      count += got;
    }
    assert.ok(Math.abs(sum / count) < 0.005, `mean ${sum / count}`);
    assert.ok(Math.abs(squares / count - 1) < 0.006, `variance ${squares / count}`);
    const p = upperTail(2.5);
    assert.ok(Math.abs(beyond / count - p) < 4 * Math.sqrt((p * (1 - p)) / count));
  });
});

describe('Poisson draws', () => {
  for (const mean of [0.3, 4, 9.99, 10, 37, 2_000, 500_000]) {
    test(`mean ${mean}: sample mean and variance both ≈ ${mean}`, () => {
      const d = drawsFrom(Math.round(mean * 1000) + 1);
      const n = 100_000;
      let sum = 0;
      let squares = 0;
      for (let i = 0; i < n; i++) {
        const k = d.poisson(mean);
        assert.ok(Number.isInteger(k) && k >= 0);
        sum += k;
        squares += k * k;
      }
      const m = sum / n;
      const v = squares / n - m * m;
      // Standard error of the mean is √(mean/n); of the variance about mean·√(2/n) for large means.
      assert.ok(Math.abs(m - mean) < 5 * Math.sqrt(mean / n), `mean ${m}`);
      assert.ok(Math.abs(v - mean) < 6 * mean * Math.sqrt(2 / n) + 6 * Math.sqrt(mean / n), `variance ${v}`);
    });
  }

  // A chi-square test of the whole distribution: the transformed-rejection
  // branch's shortcuts (its acceptance box, its squeeze) must not bend it.
  for (const mean of [10, 20, 150]) {
    test(`the counts at mean ${mean} pass a chi-square test against the Poisson probabilities`, () => {
      const d = drawsFrom(mean * 7);
      const n = 1_000_000;
      const lo = Math.max(0, Math.floor(mean - 4 * Math.sqrt(mean)));
      const hi = Math.ceil(mean + 4 * Math.sqrt(mean));
      const seen = new Float64Array(hi - lo + 3); // [below lo] lo … hi [above hi]
      for (let i = 0; i < n; i++) {
        const k = d.poisson(mean);
        seen[k < lo ? 0 : k > hi ? hi - lo + 2 : k - lo + 1]!++;
      }
      const pmf = (k: number) => Math.exp(-mean + k * Math.log(mean) - lnGamma(k + 1));
      const expected = new Float64Array(seen.length);
      let inside = 0;
      for (let k = lo; k <= hi; k++) inside += expected[k - lo + 1] = pmf(k);
      let below = 0;
      for (let k = 0; k < lo; k++) below += pmf(k);
      expected[0] = below;
      expected[seen.length - 1] = 1 - inside - below;
      let chi2 = 0;
      let cells = 0;
      for (let c = 0; c < seen.length; c++) {
        const e = expected[c]! * n;
        if (e < 5) continue;
        chi2 += (seen[c]! - e) ** 2 / e;
        cells++;
      }
      // The 99.99th percentile of chi-square with ν degrees of freedom is below ν + 5.4·√(2ν) + 12 for these ν.
      const dof = cells - 1;
      assert.ok(chi2 < dof + 5.4 * Math.sqrt(2 * dof) + 12, `chi2 ${chi2.toFixed(1)} on ${dof} degrees of freedom`);
    });
  }

  test('a mean of zero or below gives no events', () => {
    const d = drawsFrom(1);
    assert.equal(d.poisson(0), 0);
    assert.equal(d.poisson(-1), 0);
  });
});

describe('numerics', () => {
  test('lnGamma(k + 1) is ln k!', () => {
    let lnFactorial = 0;
    for (let k = 1; k <= 170; k++) {
      lnFactorial += Math.log(k);
      assert.ok(Math.abs(lnGamma(k + 1) - lnFactorial) <= 1e-12 * Math.max(1, lnFactorial), `k=${k}`);
    }
    assert.ok(Math.abs(lnGamma(0.5) - 0.5 * Math.log(Math.PI)) < 1e-13);
  });

  test('fastExp agrees with Math.exp to 1e-13, and falls back outside ±700', () => {
    for (let x = -745; x <= 709; x += 0.0137) {
      const want = Math.exp(x);
      if (want === 0) continue;
      assert.ok(Math.abs(fastExp(x) - want) <= 1e-13 * want, `x=${x}`);
    }
    assert.equal(fastExp(800), Infinity);
    assert.equal(fastExp(-800), 0);
    assert.ok(Number.isNaN(fastExp(Number.NaN)));
  });
});
