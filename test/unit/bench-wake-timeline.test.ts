import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { temporal } from '@temporalio/proto';
import { msToTs } from '@temporalio/common/lib/time';
import { wakeTimeline } from '../../bench/lib/wake-timeline';

type Event = temporal.api.history.v1.IHistoryEvent;
const t0 = 1_700_000_000_000;

function event(eventId: number, atMs: number, attributes: Partial<Event>): Event {
  return { eventId: eventId as unknown as Event['eventId'], eventTime: msToTs(t0 + atMs), ...attributes };
}
const scheduled = (id: number, at: number, name: string) => event(id, at, { activityTaskScheduledEventAttributes: { activityType: { name } } });
const completed = (id: number, at: number, scheduledEventId: number) =>
  event(id, at, { activityTaskCompletedEventAttributes: { scheduledEventId: scheduledEventId as unknown as Event['eventId'] } });

describe('wake-up timeline from history', () => {
  const history: Event[] = [
    scheduled(5, -5000, 'awaitRunChange'),
    event(10, 4, { workflowExecutionSignaledEventAttributes: {} }),
    scheduled(14, 50, 'getRun'),
    completed(16, 80, 14),
    scheduled(20, 120, 'submitReview'),
    completed(22, 150, 20),
    scheduled(26, 190, 'awaitRunProgress'),
    completed(28, 260, 26),
    event(32, 300, { workflowExecutionCompletedEventAttributes: {} }),
  ];

  it('times each step from the signal send time', () => {
    assert.deepEqual(wakeTimeline(history, t0), { delivered: 4, relayScheduled: 120, relayed: 150, reread: 260, closed: 300 });
  });

  it('answers undefined when a step is missing', () => {
    assert.equal(wakeTimeline(history.filter((e) => !e.workflowExecutionCompletedEventAttributes), t0), undefined);
    assert.equal(wakeTimeline(history.filter((e) => !e.workflowExecutionSignaledEventAttributes), t0), undefined);
  });
});
