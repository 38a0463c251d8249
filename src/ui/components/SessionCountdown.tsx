// Time left before a session expires (when the view offers it). The value changes with every
// batch, so it is written into the DOM from a store subscription, never by re-rendering React.
import { useEffect, useRef } from 'react';
import { useTranslate } from '../i18n/use-translate';
import { useZoo } from '../store';

/** Below this, the countdown turns red. */
const LOW_MS = 2000;

export function SessionCountdown({ id }: { id: string }) {
  const element = useRef<HTMLSpanElement>(null);
  const t = useTranslate();
  useEffect(() => {
    const paint = (): void => {
      const target = element.current;
      if (!target) return;
      const client = useZoo.getState().view?.clients.find((candidate) => candidate.id === id);
      const left = client?.sessionExpiresInMs;
      if (typeof left !== 'number') {
        target.textContent = '';
        return;
      }
      const text = ` · ${t('session.expiresIn', { seconds: (Math.max(0, left) / 1000).toFixed(1) })}`;
      if (target.textContent !== text) target.textContent = text;
      target.classList.toggle('is-low', left < LOW_MS);
    };
    paint();
    return useZoo.subscribe(paint);
  }, [id, t]);
  return <span ref={element} className="countdown" data-testid={`countdown-${id}`} />;
}
