/**
 * Request admission by turn of the event loop, so the server keeps accepting connections under load.
 *
 * Node 20's libuv accepts one new connection per turn of the event loop (libuv pull request 3696,
 * "don't accept() connections in a loop"). A turn runs every request that arrived during it, and with
 * hundreds of busy connections that takes hundreds of milliseconds: new connections then wait in the
 * kernel's accept queue for seconds. The load test (200 connections) saw 10-second timeouts on every
 * connection opened while the server was saturated.
 *
 * The limiter keeps turns short. A request starts at once when none is waiting and fewer than `batch`
 * have started in this turn; otherwise it waits, in arrival order. Each turn that has requests waiting
 * starts the next `batch` of them, after that turn's poll for new connections. `batch` follows how long
 * turns take, aiming at `targetMs`. Below saturation no request waits.
 *
 *   const turns = new TurnLimiter({ targetMs: 8 });
 *   app.addHook('onRequest', () => turns.admit());   // undefined (go on) or a promise to wait for
 *   turns.stats()                                   // { batch, waiting, waited }
 */

export interface TurnLimiterOptions {
  /** Aimed-at length of a turn that runs waiting requests. */
  targetMs: number;
  /** Most requests started in one turn. Default 64. */
  maxBatch?: number;
  /** Clock (tests). */
  now?: () => number;
}

const FIRST_BATCH = 16;

export class TurnLimiter {
  private batch: number;
  private startedThisTurn = 0;
  private turnEndScheduled = false;
  private pumping = false;
  private lastPumpAt: number | undefined;
  private readonly waiting: Array<() => void> = [];
  private waited = 0;
  private readonly maxBatch: number;
  private readonly now: () => number;

  constructor(private readonly options: TurnLimiterOptions) {
    this.maxBatch = options.maxBatch ?? 64;
    this.batch = Math.min(FIRST_BATCH, this.maxBatch);
    this.now = options.now ?? (() => performance.now());
  }

  /** Undefined when the request may start now, else a promise that resolves when it may. */
  admit(): Promise<void> | undefined {
    if (!this.pumping) {
      this.countInTurn();
      if (this.startedThisTurn < this.batch) {
        this.startedThisTurn++;
        return undefined;
      }
      this.pumping = true;
      // From the poll phase, a nested immediate runs in the next turn's check phase.
      setImmediate(() => setImmediate(this.pump));
    }
    this.waited++;
    return new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  stats() {
    return { batch: this.batch, waiting: this.waiting.length, waited: this.waited };
  }

  /** Counts requests started in this turn; the count resets at the turn's end (its check phase). */
  private countInTurn(): void {
    if (this.turnEndScheduled) return;
    this.turnEndScheduled = true;
    setImmediate(() => {
      this.turnEndScheduled = false;
      this.startedThisTurn = 0;
    });
  }

  /** Runs once a turn, after the turn's poll for I/O, while requests wait: starts the next batch. */
  private readonly pump = (): void => {
    const now = this.now();
    if (this.lastPumpAt !== undefined) {
      // The time since the last batch is one whole turn: its poll, parsing new requests, this batch.
      const factor = Math.min(2, Math.max(0.5, this.options.targetMs / Math.max(now - this.lastPumpAt, 0.1)));
      const next = this.batch * factor;
      this.batch = Math.min(this.maxBatch, Math.max(1, factor >= 1 ? Math.ceil(next) : Math.floor(next)));
    }
    this.lastPumpAt = now;
    for (let n = 0; n < this.batch && this.waiting.length > 0; n++) this.waiting.shift()!();
    if (this.waiting.length > 0) {
      setImmediate(this.pump);
    } else {
      this.pumping = false;
      this.lastPumpAt = undefined;
    }
  };
}
