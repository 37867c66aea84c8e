/**
 * Calls `fn` at most once per `ms` with the latest arguments: at once when idle, then once at the end
 * of each window (a drag is seen live by others without flooding the document with writes).
 */
export function createThrottle<A extends unknown[]>(fn: (...args: A) => void, ms: number) {
  let last = -Infinity;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let pending: A | null = null;

  const run = () => {
    timer = null;
    if (!pending) return;
    const args = pending;
    pending = null;
    last = Date.now();
    fn(...args);
  };

  return {
    /** Schedules a call with these arguments (replacing any waiting ones). */
    call(...args: A): void {
      pending = args;
      const wait = last + ms - Date.now();
      if (wait <= 0 && !timer) run();
      else if (!timer) timer = setTimeout(run, Math.max(0, wait));
    },
    /** Makes the waiting call now (the drop at the end of a drag). */
    flush(): void {
      if (timer) clearTimeout(timer);
      run();
    },
    /** Forgets the waiting call. */
    cancel(): void {
      if (timer) clearTimeout(timer);
      timer = null;
      pending = null;
    },
  };
}
