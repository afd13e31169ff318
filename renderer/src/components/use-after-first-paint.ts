import { startTransition, useEffect, useState } from 'react';

/**
 * False on a component's first render, true once the screen it was first
 * rendered into has been painted. For work below the fold that would
 * otherwise hold back the first frame: England's zone table (about 300 rows)
 * costs more layout than its map (0.2 s on a two-core laptop), and only its
 * first rows are in view when the map first shows.
 */
export function useAfterFirstPaint(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    // A frame callback runs just before the frame is drawn; a task queued from it runs after.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => startTransition(() => setPainted(true)));
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, []);
  return painted;
}
