// The per-frame half of the message layer: one callback on the shared frame loop that moves every
// message element (through refs) to where it is at the playback time. React is not involved per
// frame; it only adds and removes the elements when the set of messages in flight changes.
import { useEffect, useRef } from 'react';
import { useServices } from '../app-context';
import { createPlaybackClock } from '../model/playback-clock';
import { lane, placeMessage, progress, type RingLayout } from '../model/ring-layout';
import { useZoo } from '../store';
import { useReducedMotionRef } from './use-reduced-motion';

/** Elements of the messages on screen, by message id. */
export type MessageElements = Map<number, SVGGElement>;

export function useMessagePainter(layout: RingLayout): MessageElements {
  const { loop, tracker } = useServices();
  const elements = useRef<MessageElements>(new Map()).current;
  const layoutRef = useRef(layout);
  const reducedMotion = useReducedMotionRef();
  layoutRef.current = layout;

  useEffect(() => {
    const clock = createPlaybackClock();
    const paint = (nowMs: number): boolean => {
      const state = useZoo.getState();
      const view = state.view;
      if (!view) return state.playing;
      const timeMs = clock.at(nowMs, view.timeMs, state.playing, state.speed);
      for (const message of view.messages) {
        const element = elements.get(message.id);
        if (!element) continue;
        const travel = lane(layoutRef.current, message.from, message.to);
        if (!travel) continue;
        const fraction = progress(timeMs, message.sendTimeMs, message.deliverTimeMs);
        const place = placeMessage(travel, fraction, message.dropped !== null, !reducedMotion.current);
        element.setAttribute('transform', `translate(${place.x.toFixed(1)},${place.y.toFixed(1)})`);
        element.style.opacity = place.opacity === 1 ? '' : place.opacity.toFixed(2);
        element.classList.toggle('is-lost', place.lost);
      }
      tracker.markDrawn(state.batchSeq);
      return state.playing;
    };
    const remove = loop.add(paint);
    return remove;
  }, [elements, loop, tracker, reducedMotion]);

  // A new layout (resize) or a new set of messages must be painted even while paused.
  const messages = useZoo((state) => state.view?.messages);
  useEffect(() => loop.wake(), [layout, messages, loop]);
  return elements;
}
