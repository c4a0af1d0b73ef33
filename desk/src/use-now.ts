// The current time, re-read every `ms`, so "ongoing 2 h 5 min" keeps counting.
import { useEffect, useState } from 'preact/hooks';

export function useNow(ms: number): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(t);
  }, [ms]);
  return now;
}
