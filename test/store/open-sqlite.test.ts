// openSqlite on a real file shared by several connections (the App's
// threads): waiting for another connection's write lock never blocks the
// event loop, and `checkpoints: 'manual'` leaves copying the write-ahead log
// into the database file to whoever calls `checkpoint()`.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqlite, type SqlDatabase } from '../../src/store/index.ts';

let dir: string;
let file: string;
const opened: SqlDatabase[] = [];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'shipwell-sqlite-'));
  file = join(dir, 'test.db');
});
afterEach(async () => {
  for (const db of opened.splice(0)) await db.close().catch(() => undefined);
  rmSync(dir, { recursive: true, force: true });
});

function open(checkpoints?: 'automatic' | 'manual'): SqlDatabase {
  const db = openSqlite({ database: new DatabaseSync(file), ...(checkpoints ? { checkpoints } : {}) });
  opened.push(db);
  return db;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Counts timer ticks and the longest the event loop went without one. */
function watchEventLoop(every = 5) {
  let ticks = 0;
  let last = performance.now();
  let longestGap = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longestGap = Math.max(longestGap, now - last);
    last = now;
    ticks += 1;
  }, every);
  return {
    ticks: () => ticks,
    longestGap: () => longestGap,
    stop: () => clearInterval(timer),
  };
}

const size = (path: string): number => {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
};

describe('openSqlite: two connections on one file', () => {
  it("a transaction waiting for the other connection's write lock yields to the event loop, then commits after it", async () => {
    const a = open();
    const b = open();
    await a.query('CREATE TABLE t (k INTEGER PRIMARY KEY, who TEXT NOT NULL)');
    const events: string[] = [];
    let holding: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      holding = resolve;
    });
    const first = a.transaction(async (tx) => {
      await tx.query("INSERT INTO t (k, who) VALUES (1, 'a')");
      events.push('a wrote');
      holding();
      await sleep(200); // a real timer: only fires if nobody blocks the thread
      events.push('a commits');
    });
    await held;
    const loop = watchEventLoop();
    const started = performance.now();
    const second = b.transaction(async (tx) => {
      events.push('b began');
      const seen = await tx.query<{ who: string }>('SELECT who FROM t ORDER BY k');
      await tx.query("INSERT INTO t (k, who) VALUES (2, 'b')");
      return { seen: seen.map((r) => r.who), waited: performance.now() - started };
    });
    // a lone statement of a third party waits the same way
    const lone = b.query("INSERT INTO t (k, who) VALUES (3, 'b-alone')");
    await first;
    const { seen, waited } = await second;
    await lone;
    const ticks = loop.ticks();
    loop.stop();

    expect(events).toEqual(['a wrote', 'a commits', 'b began']);
    expect(seen).toEqual(['a']); // b's transaction began after a's commit
    expect(waited).toBeGreaterThanOrEqual(150);
    expect(waited).toBeLessThan(2000);
    // the thread kept running timers while b waited: no blocking sleep in a busy handler
    expect(ticks).toBeGreaterThanOrEqual(10);
    expect(loop.longestGap()).toBeLessThan(100);
    const rows = await a.query<{ k: number; who: string }>('SELECT k, who FROM t ORDER BY k');
    expect(rows.map((r) => [Number(r.k), r.who])).toEqual([
      [1, 'a'],
      [2, 'b'],
      [3, 'b-alone'],
    ]);
  });

  it('a waiting transaction gives up with SQLITE_BUSY after about 10 s, and the holder still commits', async () => {
    const a = open();
    const b = open();
    await a.query('CREATE TABLE t (k INTEGER PRIMARY KEY)');
    let holding: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      holding = resolve;
    });
    const first = a.transaction(async (tx) => {
      await tx.query('INSERT INTO t (k) VALUES (1)');
      holding();
      await sleep(11_000);
    });
    await held;
    const loop = watchEventLoop(20);
    const started = performance.now();
    const outcome = await b
      .transaction(async (tx) => tx.query('INSERT INTO t (k) VALUES (2)'))
      .then(
        () => null,
        (error: unknown) => error as { errcode?: number; message?: string },
      );
    const waited = performance.now() - started;
    loop.stop();
    expect(outcome?.errcode).toBe(5);
    expect(outcome?.message).toMatch(/locked|busy/i);
    expect(waited).toBeGreaterThanOrEqual(9_900);
    expect(waited).toBeLessThan(10_900);
    expect(loop.longestGap()).toBeLessThan(200);
    await first;
    // b is usable again, and nothing of its failed transaction was written
    await b.query('INSERT INTO t (k) VALUES (3)');
    const rows = await b.query<{ k: number }>('SELECT k FROM t ORDER BY k');
    expect(rows.map((r) => Number(r.k))).toEqual([1, 3]);
  }, 20_000);
});

describe('openSqlite checkpoints', () => {
  /** ~4 MB in 16 transactions: more than SQLite's automatic checkpoint threshold (1000 pages). */
  const write = async (db: SqlDatabase) => {
    await db.query('CREATE TABLE IF NOT EXISTS blobs (k INTEGER PRIMARY KEY, v TEXT NOT NULL)');
    for (let t = 0; t < 16; t += 1) {
      await db.transaction(async (tx) => {
        for (let i = 0; i < 64; i += 1) await tx.query('INSERT INTO blobs (v) VALUES ($1)', ['x'.repeat(4000)]);
      });
    }
  };

  it("'manual': commits leave every frame in the log (the database file does not grow) until checkpoint()", async () => {
    const db = open('manual');
    await db.query('CREATE TABLE blobs (k INTEGER PRIMARY KEY, v TEXT NOT NULL)');
    const before = size(file);
    await write(db);
    expect(size(file)).toBe(before);
    expect(size(`${file}-wal`)).toBeGreaterThan(4_000_000);
    // what is committed is there for another connection all the same
    const [row] = await open().query<{ n: number }>('SELECT COUNT(*) AS n FROM blobs');
    expect(Number(row?.n)).toBe(16 * 64);
    await db.checkpoint();
    expect(size(file)).toBeGreaterThan(before + 4_000_000);
  });

  it("'automatic' (default): commits copy the log themselves; checkpoint() has nothing to do", async () => {
    const db = open();
    await db.query('CREATE TABLE blobs (k INTEGER PRIMARY KEY, v TEXT NOT NULL)');
    const before = size(file);
    await write(db);
    expect(size(file)).toBeGreaterThan(before + 3_000_000);
    // a small write stays in the log; checkpoint() leaves it there
    const grown = size(file);
    await db.query('CREATE TABLE later (k INTEGER PRIMARY KEY)');
    await db.checkpoint();
    expect(size(file)).toBe(grown);
  });

  it("'manual': checkpoint() from another connection (the checkpoint thread's) copies what this one wrote", async () => {
    const writer = open('manual');
    const checkpointer = open('manual');
    await writer.query('CREATE TABLE blobs (k INTEGER PRIMARY KEY, v TEXT NOT NULL)');
    const before = size(file);
    await write(writer);
    expect(size(file)).toBe(before);
    await checkpointer.checkpoint();
    expect(size(file)).toBeGreaterThan(before + 4_000_000);
    // and the log starts over: the next writes reuse it instead of growing it
    const log = size(`${file}-wal`);
    await write(writer);
    // (a log that kept its frames would hold both writes: twice the size)
    expect(size(`${file}-wal`)).toBeLessThan(log * 1.5);
  });

  it('restartBytes: past it a checkpoint starts the log over and the file is cut back to it; below it the file stays', async () => {
    const logAfterCheckpoint = async (restartBytes?: number) => {
      rmSync(dir, { recursive: true, force: true });
      dir = mkdtempSync(join(tmpdir(), 'shipwell-sqlite-'));
      file = join(dir, 'test.db');
      const db = openSqlite({
        database: new DatabaseSync(file),
        checkpoints: 'manual',
        ...(restartBytes === undefined ? {} : { restartBytes }),
      });
      opened.push(db);
      await write(db);
      expect(size(`${file}-wal`)).toBeGreaterThan(4_000_000);
      await db.checkpoint();
      // the next commit writes from the log's start, and SQLite cuts the file back to the limit
      await db.query('INSERT INTO blobs (v) VALUES ($1)', ['after']);
      return size(`${file}-wal`);
    };
    expect(await logAfterCheckpoint(1_000_000)).toBeLessThanOrEqual(1_000_000);
    // the default (64 MB): a 4 MB log is reused as it is, not started over
    expect(await logAfterCheckpoint()).toBeGreaterThan(4_000_000);
  });
});
