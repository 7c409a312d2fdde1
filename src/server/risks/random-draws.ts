/**
 * Seeded random draws for the risk Monte Carlo (loss-simulation.rules.ts):
 * uniforms, standard normals and Poisson counts from one xoroshiro128+
 * generator seeded by `pure-rand`, so a simulation is reproducible from its
 * seed.
 *
 * Issue 10 asks for 100,000 simulated years of 200 risks in under a second,
 * which is some 30 million events; per event the cost is one uniform (the
 * year it falls in), one normal and one exp. The normal is therefore drawn by
 * Doornik's ZIGNOR ziggurat (J. A. Doornik, "An Improved Ziggurat Method to
 * Generate Normal Random Samples", 2005: the layer index from its own bits,
 * so index and value are independent), about twice as fast as Box-Muller,
 * and the count of events by Hörmann's PTRS transformed rejection (W.
 * Hörmann, "The transformed rejection method for generating Poisson random
 * variables", 1993), constant time whatever the mean. Both are exact
 * methods: the tests check moments and tail probabilities.
 */
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

export interface Draws {
  /** Uniform on (0, 1): never 0 or 1, so log(u) is finite. */
  uniform(): number;
  /** Standard normal. */
  normal(): number;
  /** Poisson with the given mean (≥ 0). */
  poisson(mean: number): number;
  /**
   * Up to EVENT_BLOCK events at once, each a slot drawn uniformly from
   * [0, slots) into slotOut and a lognormal loss exp(μ + σ·z) into lossOut;
   * returns how many were drawn (the smaller of count and EVENT_BLOCK).
   */
  lognormalEvents(count: number, mu: number, sigma: number, slots: number, slotOut: Int32Array, lossOut: Float64Array): number;
}

/** How many events lognormalEvents draws at most per call (the size of its buffers). */
export const EVENT_BLOCK = 4096;

const TWO_POW_32 = 4294967296;
const TWO_POW_31 = 2147483648;

// ZIGNOR tables: 128 layers of equal area under exp(-x²/2); R is the start
// of the tail and V the area of each layer (Marsaglia and Tsang's constants).
const LAYERS = 128;
const R = 3.442619855899;
const V = 9.91256303526217e-3;
const gauss = (x: number) => Math.exp(-0.5 * x * x);
const EDGE = new Float64Array(LAYERS + 1);
const INNER = new Float64Array(LAYERS);
EDGE[0] = V / gauss(R);
EDGE[1] = R;
for (let i = 2; i < LAYERS; i++) EDGE[i] = Math.sqrt(-2 * Math.log(V / EDGE[i - 1]! + gauss(EDGE[i - 1]!)));
EDGE[LAYERS] = 0;
for (let i = 0; i < LAYERS; i++) INNER[i] = EDGE[i + 1]! / EDGE[i]!;

// exp(x) as 2^k · 2^(j/256) · e^r with |r| ≤ ln 2 / 512, e^r by its Taylor
// polynomial to r⁴: relative error below 1e-13 (a test compares it with
// Math.exp), at about a third of Math.exp's cost, which is the largest part
// of an event's. The nearest integer to x·256/ln 2 comes from adding and
// subtracting 1.5·2^52 (round to nearest in double arithmetic).
const EXP_STEPS = 256;
const EXP_FRACTION = Float64Array.from({ length: EXP_STEPS }, (_, j) => 2 ** (j / EXP_STEPS));
const EXP_POW2 = Float64Array.from({ length: 2046 }, (_, i) => 2 ** (i - 1022));
const EXP_SCALE = EXP_STEPS / Math.LN2;
const EXP_STEP = Math.LN2 / EXP_STEPS;
const ROUNDING = 6755399441055744;

/** e^x; outside ±700 (where double precision ends) Math.exp itself. */
export function fastExp(x: number): number {
  if (!(x > -700 && x < 700)) return Math.exp(x);
  const m = x * EXP_SCALE + ROUNDING - ROUNDING;
  const r = x - m * EXP_STEP;
  const k = m | 0;
  return EXP_POW2[(k >> 8) + 1022]! * EXP_FRACTION[k & (EXP_STEPS - 1)]! * (1 + r * (1 + r * (0.5 + r * (1 / 6 + r / 24))));
}

// log Γ(x) by Stirling's series with the Bernoulli terms B₂ₖ / (2k(2k−1)),
// the argument first raised above 7 so ten terms give double precision.
const STIRLING = [1 / 12, -1 / 360, 1 / 1260, -1 / 1680, 1 / 1188, -691 / 360360, 1 / 156, -3617 / 122400, 43867 / 244188, -174611 / 125400];
const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

/** ln Γ(x) for x > 0 (ln k! is lnGamma(k + 1)). */
export function lnGamma(x: number): number {
  if (x === 1 || x === 2) return 0;
  const shift = x < 7 ? Math.ceil(7 - x) : 0;
  let x0 = x + shift;
  const inv2 = 1 / (x0 * x0);
  let series = 0;
  for (let k = STIRLING.length - 1; k >= 0; k--) series = series * inv2 + STIRLING[k]!;
  let value = series / x0 + HALF_LOG_2PI + (x0 - 0.5) * Math.log(x0) - x0;
  for (let k = 0; k < shift; k++) {
    x0 -= 1;
    value -= Math.log(x0);
  }
  return value;
}

/**
 * One step of xoroshiro128+ on pure-rand's state layout [s01, s00, s11, s10]
 * (the high and low halves of the two 64-bit words), giving the same 32-bit
 * outputs as pure-rand's generator (a test holds them equal). The state lives
 * in a typed array rather than in the generator object: stepping it inside
 * the event loop then costs about half as much, which is what brings the
 * 100,000-year run under a second.
 */
export function nextInt32(s: Int32Array): number {
  const s01 = s[0]!;
  const s00 = s[1]!;
  const s11 = s[2]!;
  const s10 = s[3]!;
  const out = (s00 + s10) | 0;
  const a0 = s10 ^ s00;
  const a1 = s11 ^ s01;
  s[1] = (s00 << 24) ^ (s01 >>> 8) ^ a0 ^ (a0 << 16);
  s[0] = (s01 << 24) ^ (s00 >>> 8) ^ a1 ^ ((a1 << 16) | (a0 >>> 16));
  s[3] = (a1 << 5) ^ (a0 >>> 27);
  s[2] = (a0 << 5) ^ (a1 >>> 27);
  return out;
}

/**
 * The draws of one simulation. A class with a small normal() whose rare
 * branches live in their own methods, so the compiler inlines the common path
 * into the simulation's event loop.
 */
class SeededDraws implements Draws {
  private readonly state: Int32Array;

  constructor(seed: number) {
    this.state = Int32Array.from(xoroshiro128plus(seed).getState());
  }

  uniform(): number {
    return ((nextInt32(this.state) >>> 0) + 0.5) / TWO_POW_32;
  }

  normal(): number {
    const u = 2 * this.uniform() - 1;
    const layer = nextInt32(this.state) & (LAYERS - 1);
    if (Math.abs(u) < INNER[layer]!) return u * EDGE[layer]!;
    return this.normalOutside(u, layer);
  }

  /** The ziggurat's rejection step: the wedge of a layer, or the tail beyond R. */
  private normalOutside(u: number, layer: number): number {
    for (;;) {
      if (layer === 0) return this.tail(u < 0);
      const x = u * EDGE[layer]!;
      const outer = gauss(EDGE[layer]!);
      const inner = gauss(EDGE[layer + 1]!);
      if (inner + this.uniform() * (outer - inner) < gauss(x)) return x;
      u = 2 * this.uniform() - 1;
      layer = nextInt32(this.state) & (LAYERS - 1);
      if (Math.abs(u) < INNER[layer]!) return u * EDGE[layer]!;
    }
  }

  /** Marsaglia's tail beyond R. */
  private tail(negative: boolean): number {
    let x: number;
    let y: number;
    do {
      x = -Math.log(this.uniform()) / R;
      y = -Math.log(this.uniform());
    } while (y + y < x * x);
    return negative ? -R - x : R + x;
  }

  // The events whose normal left the ziggurat's fast path, finished after the block.
  private readonly pendingAt = new Int32Array(EVENT_BLOCK);
  private readonly pendingU = new Float64Array(EVENT_BLOCK);
  private readonly pendingLayer = new Int32Array(EVENT_BLOCK);

  /*
   * The simulation's hot loop: the generator stepped inline and the
   * ziggurat's fast path (97 % of draws) written out, while the rare draws
   * that need the rejection step are finished after the loop with the same
   * (u, layer), so the result is exactly the ziggurat's. Keeping the slow
   * path's call out of the loop made it about a fifth faster.
   */
  lognormalEvents(count: number, mu: number, sigma: number, slots: number, slotOut: Int32Array, lossOut: Float64Array): number {
    const state = this.state;
    const { pendingAt, pendingU, pendingLayer } = this;
    const n = Math.min(count, EVENT_BLOCK);
    let pending = 0;
    for (let i = 0; i < n; i++) {
      slotOut[i] = (((nextInt32(state) >>> 0) + 0.5) * (slots / TWO_POW_32)) | 0;
      const u = (nextInt32(state) + 0.5) / TWO_POW_31;
      const layer = nextInt32(state) & (LAYERS - 1);
      if (Math.abs(u) < INNER[layer]!) {
        lossOut[i] = fastExp(mu + sigma * u * EDGE[layer]!);
      } else {
        pendingAt[pending] = i;
        pendingU[pending] = u;
        pendingLayer[pending++] = layer;
      }
    }
    for (let k = 0; k < pending; k++) lossOut[pendingAt[k]!] = fastExp(mu + sigma * this.normalOutside(pendingU[k]!, pendingLayer[k]!));
    return n;
  }

  poisson(mean: number): number {
    if (!(mean > 0)) return 0;
    if (mean < 10) {
      // Multiplying uniforms until the product falls below e^(−mean).
      const limit = Math.exp(-mean);
      let k = 0;
      for (let p = this.uniform(); p > limit; p *= this.uniform()) k++;
      return k;
    }
    // PTRS: a transformed-rejection proposal with a fast acceptance box and
    // the exact test against the Poisson probability.
    const root = Math.sqrt(mean);
    const logMean = Math.log(mean);
    const b = 0.931 + 2.53 * root;
    const a = -0.059 + 0.02483 * b;
    const logInvAlpha = Math.log(1.1239 + 1.1328 / (b - 3.4));
    const vr = 0.9277 - 3.6224 / (b - 2);
    for (;;) {
      const u = this.uniform() - 0.5;
      const v = this.uniform();
      const us = 0.5 - Math.abs(u);
      const k = Math.floor(((2 * a) / us + b) * u + mean + 0.43);
      if (us >= 0.07 && v <= vr) return k;
      if (k < 0 || (us < 0.013 && v > us)) continue;
      if (Math.log(v) + logInvAlpha - Math.log(a / (us * us) + b) <= -mean + k * logMean - lnGamma(k + 1)) return k;
    }
  }
}

export function drawsFrom(seed: number): Draws {
  return new SeededDraws(seed);
}
