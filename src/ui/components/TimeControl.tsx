// The time slider (0 to the furthest time reached) and the simulated time. Both change on every
// frame while playing, so they are written straight to the DOM from a store subscription instead
// of re-rendering React; dragging the slider seeks (rapid seeks coalesce in the client).
import { useEffect, useId, useRef } from 'react';
import { useServices } from '../app-context';
import { useTranslate } from '../i18n/use-translate';
import { formatSeconds } from '../model/playback-format';
import { useZoo } from '../store';

export function TimeControl() {
  const { client } = useServices();
  const t = useTranslate();
  const id = useId();
  const slider = useRef<HTMLInputElement>(null);
  const readout = useRef<HTMLOutputElement>(null);
  const dragging = useRef(false);

  useEffect(() => {
    const write = (timeMs: number, headTimeMs: number): void => {
      const text = t('controls.timeValue', { seconds: formatSeconds(timeMs) });
      if (readout.current && readout.current.textContent !== text) readout.current.textContent = text;
      const input = slider.current;
      if (!input) return;
      const max = String(Math.max(headTimeMs, timeMs, 1));
      if (input.max !== max) input.max = max;
      if (!dragging.current && input.value !== String(timeMs)) input.value = String(timeMs);
      input.setAttribute('aria-valuetext', text);
    };
    const state = useZoo.getState();
    write(state.view?.timeMs ?? 0, state.headTimeMs);
    return useZoo.subscribe((next, previous) => {
      if (next.view?.timeMs !== previous.view?.timeMs || next.headTimeMs !== previous.headTimeMs) write(next.view?.timeMs ?? 0, next.headTimeMs);
    });
  }, [t]);

  const seek = (value: string): void => {
    void client.seek(Number(value));
  };

  return (
    <div className="slider-control time-control">
      <label htmlFor={id}>{t('controls.time')}</label>
      <input
        id={id}
        ref={slider}
        type="range"
        data-testid="time-slider"
        min={0}
        step={1}
        defaultValue={0}
        onPointerDown={() => { dragging.current = true; }}
        onPointerUp={() => { dragging.current = false; }}
        onBlur={() => { dragging.current = false; }}
        onChange={(event) => seek(event.target.value)}
      />
      <output htmlFor={id} className="slider-value time-value" data-testid="time-value" ref={readout} />
    </div>
  );
}
