// The group commit queue on its own: who goes in which group, and what each item gets back.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CommitQueue, type Outcome } from '../../src/domain/commit-queue.ts';

/** One turn of the event loop: an idle queue starts its group then. */
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

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
    await nextTurn();
  };
  return { queue, groups, release };
}

describe('commit queue', () => {
  it('items submitted in one turn of the event loop go together; those arriving while their group is in flight go together next, in arrival order', async () => {
    const { queue, groups, release } = heldQueue(64);
    const first = [1, 2].map((item) => queue.submit(item));
    await nextTurn();
    const rest = [3, 4, 5].map((item) => queue.submit(item));
    assert.deepEqual(groups, [[1, 2]]);
    await release();
    assert.deepEqual(await Promise.all(first), ['done 1', 'done 2']);
    assert.deepEqual(groups, [[1, 2], [3, 4, 5]]);
    await release();
    assert.deepEqual(await Promise.all(rest), ['done 3', 'done 4', 'done 5']);
  });

  it('a group holds at most maxGroup items; the rest go in the next group', async () => {
    const { queue, groups, release } = heldQueue(3);
    const all = [1, 2, 3, 4, 5, 6, 7].map((item) => queue.submit(item));
    await nextTurn();
    await release();
    await release();
    await release();
    await Promise.all(all);
    assert.deepEqual(groups, [[1, 2, 3], [4, 5, 6], [7]]);
  });

  it('an item refused in its group gets its own refusal; its neighbours get their results', async () => {
    const refusal = new Error('refused 2');
    const { queue, release } = heldQueue(64, (item) => (item === 2 ? { ok: false, error: refusal } : { ok: true, value: `done ${item}` }));
    const [one, two, three] = [1, 2, 3].map((item) => queue.submit(item));
    const refused = assert.rejects(two!, (error) => error === refusal);
    await nextTurn();
    await release();
    assert.equal(await one, 'done 1');
    await refused;
    assert.equal(await three, 'done 3');
  });

  it('a group that fails as a whole fails each of its items with that error; the next group still runs', async () => {
    const { queue, groups, release } = heldQueue(64);
    const failure = new Error('store down');
    const failed = [1, 2].map((item) => assert.rejects(queue.submit(item), (error) => error === failure));
    await nextTurn();
    const later = queue.submit(3);
    await release(failure);
    await Promise.all(failed);
    await release();
    assert.equal(await later, 'done 3');
    assert.deepEqual(groups, [[1, 2], [3]]);
  });

  it('refuses a bound below one item', () => {
    assert.throws(() => new CommitQueue(async () => [], 0), RangeError);
  });
});
