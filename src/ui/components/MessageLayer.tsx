// Messages in flight: a coloured dot per message with its label (labels hide when the wire is
// busy). React creates one element per message; use-message-painter moves them every frame.
// Clicking one selects it for the inspector (mouse or touch; not in the tab order).
//
// The set of messages changes with every batch (every frame while playing), so each dot is its
// own memoized component with plain-value props: a batch costs React the dots that came and went,
// not a diff of every dot in flight. The loss mark is only created on a dropped message.
// While playback streams heavy traffic, plain dots are drawn as paths (model/message-stream.ts);
// a click there finds its message by position.
import { memo, useCallback, useLayoutEffect, useRef, type MouseEvent } from 'react';
import { streamPathKey, useMessagePainter, type MessageElements, type StreamPaths } from '../hooks/use-message-painter';
import { familyColourVar, MESSAGE_FAMILIES, messageFamily } from '../model/message-kinds';
import { DOT_RADIUS, LABELS_SHOWN_MAX, PATHS_PER_FAMILY, type DotPositions } from '../model/message-stream';
import { lane, type RingLayout } from '../model/ring-layout';
import { useZoo } from '../store';

const NO_MESSAGES: never[] = [];

export const MessageLayer = memo(function MessageLayer({ layout }: { layout: RingLayout }) {
  const messages = useZoo((state) => state.view?.messages) ?? NO_MESSAGES;
  const layer = useRef<SVGGElement>(null);
  const { elements, paths, positions } = useMessagePainter(layout, layer);
  const selected = useZoo((state) => state.selectedMessage);
  const selectMessage = useZoo((state) => state.selectMessage);
  const showLabels = messages.length <= LABELS_SHOWN_MAX;
  // One listener for every dot: a click (or tap) on a message opens it in the inspector.
  const onClick = useCallback((event: MouseEvent<SVGGElement>) => {
    const target = event.target as Element;
    const onElement = target.closest('g.message')?.getAttribute('data-message-id');
    let id = onElement === null || onElement === undefined ? null : Number(onElement);
    if (id === null && target.classList.contains('message-stream-path')) id = streamedDotAt(event, positions);
    if (id === null) return;
    event.stopPropagation();
    selectMessage(id);
  }, [selectMessage, positions]);

  return (
    <g ref={layer} className={`message-layer${showLabels ? '' : ' is-busy'}`} aria-hidden="true" onClick={onClick}>
      <StreamedDots paths={paths} />
      {messages.map((message) => {
        const travel = lane(layout, message.from, message.to);
        if (!travel) return null;
        return (
          <MessageDot
            key={message.id}
            id={message.id}
            label={message.label}
            dropped={message.dropped !== null}
            startX={travel.start.x}
            startY={travel.start.y}
            normalX={travel.normal.x}
            normalY={travel.normal.y}
            selected={selected === message.id}
            elements={elements}
          />
        );
      })}
    </g>
  );
});

/** The message under a click on a streaming path, by where the painter last drew each dot. */
function streamedDotAt(event: MouseEvent<SVGGElement>, positions: DotPositions): number | null {
  const svg = event.currentTarget.ownerSVGElement;
  const matrix = event.currentTarget.getScreenCTM();
  if (!svg || !matrix) return null;
  const point = new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix.inverse());
  return positions.nearest(point.x, point.y);
}

const STREAM_PATHS = Array.from({ length: PATHS_PER_FAMILY }, (_, index) => index)
  .flatMap((index) => MESSAGE_FAMILIES.map((family) => ({ family, key: streamPathKey(family, index) })));

/** The streaming paths, filled by the painter while streaming (never re-rendered). */
const StreamedDots = memo(function StreamedDots({ paths }: { paths: StreamPaths }) {
  return (
    <g className="message-stream">
      {STREAM_PATHS.map(({ family, key }) => (
        <path key={key} className="message-stream-path" data-family={family} style={{ fill: familyColourVar(family) }}
          ref={(element) => {
            if (element) paths.set(key, element);
            else paths.delete(key);
          }} />
      ))}
    </g>
  );
});

interface MessageDotProps {
  id: number;
  label: string;
  dropped: boolean;
  startX: number;
  startY: number;
  /** The lane's unit normal: the label sits beside the wire, not on it. */
  normalX: number;
  normalY: number;
  selected: boolean;
  elements: MessageElements;
}

const MessageDot = memo(function MessageDot({ id, label, dropped, startX, startY, normalX, normalY, selected, elements }: MessageDotProps) {
  const ref = useRef<SVGGElement>(null);
  // Registered as soon as it is in the DOM: the painter's next frame places it.
  useLayoutEffect(() => {
    const element = ref.current!;
    elements.set(id, element);
    return () => {
      if (elements.get(id) === element) elements.delete(id);
    };
  }, [elements, id]);
  const colour = familyColourVar(messageFamily(label));
  return (
    <g
      ref={ref}
      className={`message${dropped ? ' is-dropped' : ''}`}
      data-label={label}
      data-message-id={id}
      // An attribute, not a class: the painter owns the class list between renders.
      data-selected={selected ? '' : undefined}
      transform={`translate(${startX},${startY})`}
    >
      <circle r={DOT_RADIUS} style={{ fill: colour }} />
      {/* Hidden by the stylesheet while busy, except on a walkthrough's highlighted messages. */}
      <text className="message-label" x={normalX * 20} y={normalY * 20 + 5} style={{ fill: colour }}>{label}</text>
      {dropped && <text className="message-lost" y={-12}>✕</text>}
    </g>
  );
});
