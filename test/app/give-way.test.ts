import { describe, expect, it } from 'vitest';
import { createDoorSignal, createGiveWay, HOLD_MS, MOST_CREDIT_MS, SLOW_MS } from '../../app/threads/give-way.ts';

/** A clock that only moves when told, and a sleep that moves it. */
function fakeTime(start = 1_000_000) {
  let now = start;
  return {
    clock: () => now,
    advance: (ms: number) => {
      now += ms;
    },
    sleep: async (ms: number) => {
      now += ms;
    },
  };
}

/** A door signal and a thread's giveWay on one fake clock. */
function setUp() {
  const time = fakeTime();
  const door = createDoorSignal({ clock: time.clock });
  const giveWay = createGiveWay({ buffer: door.buffer, clock: time.clock, sleep: time.sleep });
  return { time, door, giveWay };
}

describe('giving way to the door', () => {
  it('goes on at once while acknowledgements are fast', async () => {
    const { time, door, giveWay } = setUp();
    time.advance(100); // worked
    door.answered(SLOW_MS); // at the line: not slow
    door.answered(3);
    const before = time.clock();
    await giveWay();
    expect(time.clock()).toBe(before);
  });

  it('holds back after a slow acknowledgement until the hold ends', async () => {
    const { time, door, giveWay } = setUp();
    time.advance(1_000); // worked a second: credit enough for the whole hold
    door.answered(SLOW_MS + 1);
    const before = time.clock();
    await giveWay();
    expect(time.clock() - before).toBeGreaterThanOrEqual(HOLD_MS);
    expect(time.clock() - before).toBeLessThan(HOLD_MS + 10);
    // the hold is over: the next step goes on at once
    const after = time.clock();
    time.advance(0);
    await giveWay();
    expect(time.clock()).toBe(after);
  });

  it('never holds back longer than it worked, however slow the door stays', async () => {
    const { time, door, giveWay } = setUp();
    let worked = 0;
    let held = 0;
    for (let step = 0; step < 200; step++) {
      time.advance(2); // a step's work
      worked += 2;
      door.answered(1_000); // the door stays slow whatever the threads do
      const before = time.clock();
      await giveWay();
      held += time.clock() - before;
    }
    expect(held).toBeGreaterThan(0);
    expect(held).toBeLessThanOrEqual(worked);
  });

  it('holds back no more than its banked credit after a long idle time', async () => {
    const time = fakeTime();
    const door = createDoorSignal({ clock: time.clock });
    // the door stays slow while the thread waits
    const sleep = async (ms: number) => {
      await time.sleep(ms);
      door.answered(1_000);
    };
    const giveWay = createGiveWay({ buffer: door.buffer, clock: time.clock, sleep });
    time.advance(60_000); // a minute since its last step
    door.answered(1_000);
    const before = time.clock();
    await giveWay();
    expect(time.clock() - before).toBeGreaterThanOrEqual(MOST_CREDIT_MS - 5);
    expect(time.clock() - before).toBeLessThanOrEqual(MOST_CREDIT_MS);
  });
});
