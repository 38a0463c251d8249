// The per-frame half of the message layer: one callback on the shared frame loop that puts every
// message where it is at the playback time. React is not involved per frame; it only adds and
// removes the elements when the set of messages in flight changes. While streaming (see
// model/message-stream.ts) the plain dots are drawn into one path per colour family instead.
import { useEffect, useRef, type RefObject } from 'react';
import { useServices } from '../app-context';
import { DotPositions, dotPath, isStreaming, PATHS_PER_FAMILY } from '../model/message-stream';
import { messageFamily, type MessageFamily } from '../model/message-kinds';
import { createPlaybackClock } from '../model/playback-clock';
import { lane, placeMessage, progress, type RingLayout } from '../model/ring-layout';
import { useZoo } from '../store';
import { useReducedMotionRef } from './use-reduced-motion';

/** Elements of the messages on screen, by message id. */
export type MessageElements = Map<number, SVGGElement>;

/** The streaming paths by key `<family>/<n>` (n < PATHS_PER_FAMILY). */
export type StreamPaths = Map<string, SVGPathElement>;

/** The key of a streaming path. */
export function streamPathKey(family: MessageFamily, index: number): string {
  return `${family}/${index}`;
}

export interface MessagePainter {
  elements: MessageElements;
  paths: StreamPaths;
  /** Where each message was drawn in the last frame. */
  positions: DotPositions;
}

/** Writes a message element's position, only when it moved. */
function translateTo(element: SVGGElement, x: number, y: number): void {
  const transform = `translate(${x},${y})`;
  if (element.getAttribute('transform') !== transform) element.setAttribute('transform', transform);
}

/** A dot that keeps its own element while streaming; the stylesheet hides the others
 * (.message-layer.is-streaming in app.css uses the same three conditions). */
function needsElement(element: SVGGElement, dropped: boolean): boolean {
  return dropped || element.hasAttribute('data-selected') || element.hasAttribute('data-wt-focus');
}

export function useMessagePainter(layout: RingLayout, layer: RefObject<SVGGElement | null>): MessagePainter {
  const { loop, tracker } = useServices();
  const painter = useRef<MessagePainter>({ elements: new Map(), paths: new Map(), positions: new DotPositions() }).current;
  const layoutRef = useRef(layout);
  const reducedMotion = useReducedMotionRef();
  layoutRef.current = layout;

  useEffect(() => {
    const clock = createPlaybackClock();
    const pathKeys = new Map<string, string[]>();
    const pathData = new Map<string, string>();
    const written = new Map<string, string>();
    const paint = (nowMs: number): boolean => {
      const state = useZoo.getState();
      const view = state.view;
      if (!view) return state.playing;
      const timeMs = clock.at(nowMs, view.timeMs, state.playing, state.speed);
      const streaming = isStreaming(state.playing, view.messages.length);
      // Read back, not cached: React owns the layer's className and may rewrite it.
      const layerElement = layer.current;
      if (layerElement && layerElement.classList.contains('is-streaming') !== streaming) layerElement.classList.toggle('is-streaming', streaming);
      const { elements, positions } = painter;
      positions.reset();
      pathData.clear();
      let streamed = 0;
      for (const message of view.messages) {
        const element = elements.get(message.id);
        if (!element) continue;
        const travel = lane(layoutRef.current, message.from, message.to);
        if (!travel) continue;
        const dropped = message.dropped !== null;
        const fraction = progress(timeMs, message.sendTimeMs, message.deliverTimeMs);
        const place = placeMessage(travel, fraction, dropped, !reducedMotion.current);
        const x = Math.round(place.x * 10) / 10;
        const y = Math.round(place.y * 10) / 10;
        positions.add(message.id, x, y);
        if (streaming && !needsElement(element, dropped)) {
          let keys = pathKeys.get(message.label);
          if (keys === undefined) {
            const family = messageFamily(message.label);
            keys = Array.from({ length: PATHS_PER_FAMILY }, (_, index) => streamPathKey(family, index));
            pathKeys.set(message.label, keys);
          }
          const key = keys[streamed++ % PATHS_PER_FAMILY]!;
          pathData.set(key, (pathData.get(key) ?? '') + dotPath(x, y));
          continue;
        }
        translateTo(element, x, y);
        // Write only what changed: an unchanged value still costs Chromium a style pass (paused
        // playback, a dropped message fading). As the style serializes it ("0.5", not "0.50").
        const opacity = place.opacity === 1 ? '' : String(Math.round(place.opacity * 100) / 100);
        if (element.style.opacity !== opacity) element.style.opacity = opacity;
        if (element.classList.contains('is-lost') !== place.lost) element.classList.toggle('is-lost', place.lost);
      }
      for (const [key, path] of painter.paths) {
        const data = pathData.get(key) ?? '';
        if (written.get(key) === data) continue;
        if (data === '') path.removeAttribute('d');
        else path.setAttribute('d', data);
        written.set(key, data);
      }
      tracker.markDrawn(state.batchSeq);
      return state.playing;
    };
    const remove = loop.add(paint);
    return remove;
  }, [painter, loop, tracker, reducedMotion, layer]);

  // A new layout (resize) or a new set of messages must be painted even while paused, and a pause
  // must leave streaming mode (every dot back to its element).
  const messages = useZoo((state) => state.view?.messages);
  const playing = useZoo((state) => state.playing);
  useEffect(() => loop.wake(), [layout, messages, playing, loop]);
  return painter;
}
