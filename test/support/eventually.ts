// Waiting in tests: cleanups after the test, and polling until something holds.
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';

/** Something that runs cleanups after the test: a TestContext, or a suite's collector. */
export interface Cleanup {
  after(fn: () => unknown): void;
}

/** Polls until `probe` returns a value other than undefined/false, or fails naming `what`. */
export async function eventually<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) assert.fail(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(10);
  }
}
