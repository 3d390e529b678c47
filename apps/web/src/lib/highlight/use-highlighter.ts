import { useEffect, useState } from 'react';

type Highlighter = typeof import('./highlighter');
let loaded: Highlighter | null = null;
let loading: Promise<Highlighter> | null = null;

/** Starts loading the highlighter (resolves when it is ready; later hooks get it synchronously). */
export function loadHighlighter(): Promise<Highlighter> {
  loading ??= import('./highlighter').then((m) => (loaded = m));
  return loading;
}

/** The syntax highlighter once its chunk has loaded (null until then: callers show plain text meanwhile). */
export function useHighlighter(): Highlighter | null {
  const [highlighter, setHighlighter] = useState<Highlighter | null>(loaded);
  useEffect(() => {
    if (loaded) return;
    let live = true;
    void loadHighlighter().then((m) => live && setHighlighter(m));
    return () => {
      live = false;
    };
  }, []);
  return highlighter;
}
