// Follows the user's "reduce motion" setting: messages still travel (they are the content), but
// nothing moves for decoration (dropped messages fade in place instead of falling).
import { useEffect, useRef } from 'react';

const QUERY = '(prefers-reduced-motion: reduce)';

/** A ref that always holds the current preference (read from the animation loop). */
export function useReducedMotionRef(): { readonly current: boolean } {
  const ref = useRef(false);
  useEffect(() => {
    if (typeof matchMedia !== 'function') return;
    const media = matchMedia(QUERY);
    ref.current = media.matches;
    const update = (): void => {
      ref.current = media.matches;
    };
    media.addEventListener('change', update);
    return () => media.removeEventListener('change', update);
  }, []);
  return ref;
}
