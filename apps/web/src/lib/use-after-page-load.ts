import { useIsFetching } from '@tanstack/react-query';
import { useEffect, useState } from 'react';

/**
 * Becomes true once the page's own requests are done (nothing fetching for a moment), and stays
 * true. For data the page does not need first, so it does not compete with what the user waits for.
 */
export function useAfterPageLoad(quietMs = 50): boolean {
  const fetching = useIsFetching();
  const [ready, setReady] = useState(false);
  useEffect(() => {
    if (ready || fetching > 0) return;
    const timer = setTimeout(() => setReady(true), quietMs);
    return () => clearTimeout(timer);
  }, [fetching, ready, quietMs]);
  return ready;
}
