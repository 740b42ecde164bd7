/**
 * TurnLimiter (src/http/turns.ts): requests start at once below saturation; beyond it they wait in
 * arrival order and start a batch per turn of the event loop, the batch sized to the target turn.
 */
import { describe, expect, it } from 'vitest';
import { TurnLimiter } from '../../src/http/turns.js';

/** Admits `count` requests in one go (one turn) and returns the order they started in. */
function admitAll(turns: TurnLimiter, count: number, work: () => void = () => undefined) {
  const started: number[] = [];
  const done: Promise<void>[] = [];
  for (let i = 0; i < count; i++) {
    const wait = turns.admit();
    if (wait === undefined) {
      started.push(i);
      work();
    } else {
      done.push(
        wait.then(() => {
          started.push(i);
          work();
        }),
      );
    }
  }
  return { started, all: Promise.all(done) };
}

describe('TurnLimiter', () => {
  it('starts requests at once until the batch of the turn is used, then the rest in arrival order', async () => {
    const turns = new TurnLimiter({ targetMs: 10, now: () => 0 });
    const { started, all } = admitAll(turns, 40);
    expect(started).toEqual([...Array(16).keys()]);
    expect(turns.stats()).toMatchObject({ waiting: 24, waited: 24 });
    // A request arriving while others wait goes behind them, even in a new turn.
    await new Promise((resolve) => setImmediate(resolve));
    const late = turns.admit();
    expect(late).toBeInstanceOf(Promise);
    await all;
    await late;
    expect(started).toEqual([...Array(40).keys()]);
    expect(turns.stats()).toMatchObject({ waiting: 0, waited: 25 });
  });

  it('sizes each turn’s batch to the target length of a turn', async () => {
    let clock = 0;
    const turns = new TurnLimiter({ targetMs: 10, now: () => clock });
    // Every request costs 2.5 ms of the clock: four of them fill a 10 ms turn.
    const { all } = admitAll(turns, 216, () => (clock += 2.5));
    await all;
    expect(turns.stats().batch).toBe(4);
  });

  it('grows the batch while turns are short, up to its most', async () => {
    const turns = new TurnLimiter({ targetMs: 10, now: () => 0, maxBatch: 24 });
    const { started, all } = admitAll(turns, 400);
    expect(started).toHaveLength(16);
    await all;
    expect(turns.stats().batch).toBe(24);
  });
});
