// Where a wake-up's time goes, read from the workflow's history (server timestamps): signal
// delivered, decision relay scheduled, relay done, run re-read, workflow closed.
import type { temporal } from '@temporalio/proto';
import { tsToMs } from '@temporalio/common/lib/time';

type Event = temporal.api.history.v1.IHistoryEvent;

/** Milliseconds from the signal's send time to each step of the wake-up. */
export interface WakeTimeline {
  /** The server recorded the signal. */
  delivered: number;
  /** The workflow scheduled `submitReview` (its first workflow task after the signal). */
  relayScheduled: number;
  /** `submitReview` completed. */
  relayed: number;
  /** The first read of the run after the relay completed (whichever activity the workflow uses). */
  reread: number;
  /** The workflow closed. */
  closed: number;
}

/** The wake-up steps of one history, or `undefined` if it lacks one of them (then the case reports it). */
export function wakeTimeline(events: Event[], sentAtMs: number): WakeTimeline | undefined {
  const at = (event: Event | undefined) => (event ? tsToMs(event.eventTime) - sentAtMs : undefined);
  const signal = events.find((e) => e.workflowExecutionSignaledEventAttributes);
  if (!signal) return undefined;
  const after = Number(signal.eventId);
  const relayScheduled = events.find((e) => Number(e.eventId) > after && e.activityTaskScheduledEventAttributes?.activityType?.name === 'submitReview');
  const relayed = relayScheduled && events.find((e) => Number(e.activityTaskCompletedEventAttributes?.scheduledEventId) === Number(relayScheduled.eventId));
  const reread = relayed && events.find((e) => Number(e.eventId) > Number(relayed.eventId) && e.activityTaskCompletedEventAttributes);
  const closed = events.find((e) => e.workflowExecutionCompletedEventAttributes);
  const steps = { delivered: at(signal), relayScheduled: at(relayScheduled), relayed: at(relayed), reread: at(reread), closed: at(closed) };
  return Object.values(steps).every((v) => v !== undefined) ? (steps as WakeTimeline) : undefined;
}
