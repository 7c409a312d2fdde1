/**
 * The one source of "now" for rules that count time (session expiry, sign-in
 * locks, invitation and token lifetimes, MFA steps, due dates). Services read
 * it from their deps and hand `now` to the rules, so a test can stand at an
 * exact instant — a session at its idle limit, an invitation at midnight in
 * Tokyo — and move on from there.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that stays where it is put until it is moved: for tests at the edge of a rule. */
export interface TestClock extends Clock {
  set(at: Date | string): void;
  advance(ms: number): void;
}

export function testClock(start: Date | string): TestClock {
  let at = new Date(start).getTime();
  return {
    now: () => new Date(at),
    set(to) {
      at = new Date(to).getTime();
    },
    advance(ms) {
      at += ms;
    },
  };
}

/** The clock of a deps object, the system's when it has none (tools and tests that do not care). */
export const clockOf = (deps: { clock?: Clock }): Clock => deps.clock ?? systemClock;
