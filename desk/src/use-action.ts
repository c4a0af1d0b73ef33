// A change made from a page (add, revoke, disable…): runs it, keeps its error to show, and
// reloads what the page lists so the change is seen.
import { useState } from 'preact/hooks';

export function useAction(reload: () => void): { error: Error | undefined; act(f: () => Promise<void>): Promise<void> } {
  const [error, setError] = useState<Error>();
  const act = async (f: () => Promise<void>) => {
    setError(undefined);
    try {
      await f();
      reload();
    } catch (err) {
      setError(err instanceof Error ? err : new Error(String(err)));
    }
  };
  return { error, act };
}
