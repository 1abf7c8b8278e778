// The group commit queue on its own: who goes in which group, and what each item gets back.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CommitQueue, type Outcome } from '../../src/domain/commit-queue.ts';

/** A queue whose groups are recorded and each held until the test releases it. */
function heldQueue(maxGroup: number, outcome: (item: number) => Outcome<string> = (item) => ({ ok: true, value: `done ${item}` })) {
  const groups: number[][] = [];
  const releases: ((failure?: Error) => void)[] = [];
  const queue = new CommitQueue<number, string>(async (items) => {
    groups.push(items);
    const failure = await new Promise<Error | undefined>((resolve) => releases.push(resolve));
    if (failure) throw failure;
    return items.map(outcome);
  }, maxGroup);
  /** Lets the oldest held group end, failed when given an error. */
  const release = async (failure?: Error) => {
    const next = releases.shift();
    assert.ok(next, 'no group is in flight');
    next(failure);
    // The queue settles the group's items and starts the next group on the following ticks.
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { queue, groups, release };
}

describe('commit queue', () => {
  it('an item that finds the queue idle goes at once, alone; those arriving while its group is in flight go together next, in arrival order', async () => {
    const { queue, groups, release } = heldQueue(64);
    const first = queue.submit(1);
    const rest = [2, 3, 4].map((item) => queue.submit(item));
    assert.deepEqual(groups, [[1]]);
    await release();
    assert.equal(await first, 'done 1');
    assert.deepEqual(groups, [[1], [2, 3, 4]]);
    await release();
    assert.deepEqual(await Promise.all(rest), ['done 2', 'done 3', 'done 4']);
  });

  it('a group holds at most maxGroup items; the rest go in the next group', async () => {
    const { queue, groups, release } = heldQueue(3);
    const all = [1, 2, 3, 4, 5, 6, 7].map((item) => queue.submit(item));
    await release();
    await release();
    await release();
    await Promise.all(all);
    assert.deepEqual(groups, [[1], [2, 3, 4], [5, 6, 7]]);
  });

  it('an item refused in its group gets its own refusal; its neighbours get their results', async () => {
    const refusal = new Error('refused 3');
    const { queue, release } = heldQueue(64, (item) => (item === 3 ? { ok: false, error: refusal } : { ok: true, value: `done ${item}` }));
    const first = queue.submit(1);
    const [two, three, four] = [2, 3, 4].map((item) => queue.submit(item));
    const refused = assert.rejects(three!, (error) => error === refusal);
    await release();
    await release();
    await first;
    assert.equal(await two, 'done 2');
    await refused;
    assert.equal(await four, 'done 4');
  });

  it('a group that fails as a whole fails each of its items with that error; the next group still runs', async () => {
    const { queue, groups, release } = heldQueue(64);
    const failure = new Error('store down');
    const first = queue.submit(1);
    const failed = [2, 3].map((item) => assert.rejects(queue.submit(item), (error) => error === failure));
    await release();
    await first;
    const later = queue.submit(4);
    await release(failure);
    await Promise.all(failed);
    await release();
    assert.equal(await later, 'done 4');
    assert.deepEqual(groups, [[1], [2, 3], [4]]);
  });

  it('refuses a bound below one item', () => {
    assert.throws(() => new CommitQueue(async () => [], 0), RangeError);
  });
});
