// Views built in steps: a long transcript is added a batch per task, so the
// page never stalls; rendered(view) says when a view is complete.

/** Transcript entries built per task: a long CLR is shown in steps, so the page never stalls. */
const BATCH = 15;

/** A rendered report → the promise of its last entries being in place. */
export const unfinished = new WeakMap();

/** Resolves once everything of a view from renderReport or renderRecord is in place. */
export function rendered(view) {
  return unfinished.get(view) ?? Promise.resolve();
}

/** Runs `jobs` BATCH at a time, one batch per task; resolves after the last. */
export function inBatches(jobs) {
  const step = () => jobs.splice(0, BATCH).forEach((job) => job());
  step();
  return new Promise((resolve) => {
    const next = () => {
      if (jobs.length === 0) return resolve();
      step();
      return setTimeout(next, 0);
    };
    setTimeout(next, 0);
  });
}
