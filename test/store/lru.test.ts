// The read cache's bounded map: never more than its capacity, and what was read recently stays.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Lru } from '../../src/store/lru.ts';

const filled = (capacity: number, count = capacity) => {
  const lru = new Lru<number, string>(capacity);
  for (let i = 0; i < count; i += 1) lru.set(i, `v${i}`);
  return lru;
};

describe('Lru', () => {
  it('holds at most its capacity, forgetting the oldest insertion first', () => {
    const lru = filled(8, 20);
    assert.equal(lru.size, 8);
    assert.equal(lru.get(11), undefined);
    assert.equal(lru.get(12), 'v12');
    assert.equal(lru.get(19), 'v19');
  });

  it('with a small capacity, is exact: a read entry outlives every entry inserted before the read', () => {
    const lru = filled(3);
    assert.equal(lru.get(0), 'v0');
    lru.set(3, 'v3');
    lru.set(4, 'v4');
    assert.deepEqual([0, 1, 2, 3, 4].map((k) => lru.get(k)), ['v0', undefined, undefined, 'v3', 'v4']);
  });

  it('keeps an entry read for at least three quarters of its capacity of later insertions', () => {
    const capacity = 1000;
    for (const read of [0, 400, 999]) {
      const lru = filled(capacity);
      assert.equal(lru.get(read), `v${read}`);
      for (let i = 0; i < (capacity * 3) / 4 - 1; i += 1) lru.set(capacity + i, 'later');
      assert.equal(lru.get(read), `v${read}`, `entry ${read} was forgotten`);
    }
  });

  it('a hot entry read again and again is never forgotten while others come and go', () => {
    const lru = filled(100);
    for (let i = 0; i < 10_000; i += 1) {
      assert.equal(lru.get(7), 'v7');
      lru.set(1000 + i, 'cold');
    }
    assert.equal(lru.size, 100);
  });

  it('set replaces a value; delete and clear forget; capacity 0 holds nothing', () => {
    const lru = filled(4);
    lru.set(1, 'new');
    assert.equal(lru.get(1), 'new');
    lru.delete(1);
    assert.equal(lru.get(1), undefined);
    lru.clear();
    assert.equal(lru.size, 0);
    const none = new Lru<string, number>(0);
    none.set('a', 1);
    assert.equal(none.get('a'), undefined);
  });
});
