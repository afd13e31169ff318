import { useEffect, useRef } from 'react';

/**
 * A ref holding the latest of a value, such as a parent's callback: an effect
 * or callback reads it when it runs, so a parent passing a new function on
 * each render does not make the effect run (fetch, start a preview) again.
 */
export function useLatest<T>(value: T): { readonly current: T } {
  const ref = useRef(value);
  useEffect(() => {
    ref.current = value;
  });
  return ref;
}
