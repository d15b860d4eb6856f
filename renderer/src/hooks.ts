import { useCallback, useEffect, useState } from 'react';

/** The current time, refreshed every `everyMs` while the component is mounted. */
export function useNow(everyMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = window.setInterval(() => setNow(Date.now()), everyMs);
    return () => window.clearInterval(t);
  }, [everyMs]);
  return now;
}

/** Loads once on mount (and on `reload()`); `load` must be stable (a module-level function or a memoised one). */
export function useLoad<T>(load: () => Promise<T>): { data: T | null; error: unknown; reload(): void } {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const reload = useCallback(() => {
    load().then(
      (d) => {
        setData(d);
        setError(null);
      },
      (e) => setError(e),
    );
  }, [load]);
  useEffect(() => {
    reload();
  }, [reload]);
  return { data, error, reload };
}
