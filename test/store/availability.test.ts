// The store's reachability, reported once per change: how an outage's start and end are told
// apart from the calls still in flight at its edges.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Availability } from '../../src/store/availability.ts';
import type { AvailabilityChange } from '../../src/store/database.ts';

function watched() {
  const changes: boolean[] = [];
  const availability = new Availability((change: AvailabilityChange) => changes.push(change.available));
  return { availability, changes };
}

const lost = new Error('the store is unavailable: ECONNREFUSED');

describe('store availability', () => {
  it('reports an outage once when it starts and once when it ends, however many calls fail in between', () => {
    const { availability, changes } = watched();
    availability.succeeded(performance.now());
    for (let i = 0; i < 5; i += 1) availability.failed(lost, performance.now());
    availability.succeeded(performance.now());
    availability.succeeded(performance.now());
    assert.deepEqual(changes, [false, true]);
  });

  it('a call sent before the outage was noticed that comes back successful does not end it', () => {
    const { availability, changes } = watched();
    const sentBefore = performance.now();
    availability.failed(lost, performance.now());
    availability.succeeded(sentBefore);
    assert.deepEqual(changes, [false]);
  });

  it('a call sent during the outage that fails after it ended does not start another', () => {
    const { availability, changes } = watched();
    availability.failed(lost, performance.now());
    const sentDuring = performance.now();
    availability.succeeded(performance.now());
    availability.failed(lost, sentDuring);
    assert.deepEqual(changes, [false, true]);
  });
});
