import type { ScheduleEvent, ScheduleResult } from '../../functions/schedule/handler';

export type Scheduler = { stop(): Promise<void> };

type Timer = { event: ScheduleEvent; everyMs: number };

/** The EventBridge rules of the CDK stack, locally: the work sweep each minute, the ticket sweep each 5 minutes. */
const TIMERS: Timer[] = [
  { event: { sweep: 'work' }, everyMs: 60_000 },
  { event: { sweep: 'tickets' }, everyMs: 5 * 60_000 },
];

/**
 * Runs the schedule function on its timers, as EventBridge does in AWS, the work sweep also once
 * at start: what was left mid-way when the stack last stopped goes on without waiting a minute.
 * One run of a timer at a time; a failed run is logged and the timer goes on.
 */
export function startScheduler(handler: (event: ScheduleEvent) => Promise<ScheduleResult>): Scheduler {
  const running = new Set<Promise<unknown>>();
  const run = (event: ScheduleEvent) => {
    const done = handler(event)
      .catch((error: unknown) => console.error(`schedule (${event.sweep}) failed:`, error))
      .finally(() => running.delete(done));
    running.add(done);
    return done;
  };
  const timers = TIMERS.map(({ event, everyMs }) => {
    let busy: Promise<unknown> | undefined;
    return setInterval(() => {
      if (!busy) busy = run(event).finally(() => (busy = undefined));
    }, everyMs);
  });
  void run({ sweep: 'work' });
  return {
    async stop() {
      for (const timer of timers) clearInterval(timer);
      await Promise.all(running);
    },
  };
}
