// Messages in flight: a coloured dot per message with its label (labels hide when the wire is
// busy). React creates one element per message; use-message-painter moves them every frame.
// Clicking one selects it for the inspector (mouse or touch; not in the tab order).
import { memo } from 'react';
import { useMessagePainter } from '../hooks/use-message-painter';
import { familyColourVar, messageFamily } from '../model/message-kinds';
import { lane, type RingLayout } from '../model/ring-layout';
import { useZoo } from '../store';

/** Above this many messages in flight, labels would overlap: show dots only. */
const LABELS_SHOWN_MAX = 10;
const NO_MESSAGES: never[] = [];

export const MessageLayer = memo(function MessageLayer({ layout }: { layout: RingLayout }) {
  const messages = useZoo((state) => state.view?.messages) ?? NO_MESSAGES;
  const elements = useMessagePainter(layout);
  const selected = useZoo((state) => state.selectedMessage);
  const selectMessage = useZoo((state) => state.selectMessage);
  const showLabels = messages.length <= LABELS_SHOWN_MAX;

  return (
    <g className={`message-layer${showLabels ? '' : ' is-busy'}`} aria-hidden="true">
      {messages.map((message) => {
        const travel = lane(layout, message.from, message.to);
        if (!travel) return null;
        const colour = familyColourVar(messageFamily(message.label));
        const labelX = travel.normal.x * 20;
        const labelY = travel.normal.y * 20 + 5;
        return (
          <g
            key={message.id}
            className={`message${message.dropped ? ' is-dropped' : ''}`}
            data-label={message.label}
            data-message-id={message.id}
            // An attribute, not a class: the painter owns the class list between renders.
            data-selected={selected === message.id ? '' : undefined}
            onClick={(event) => {
              // A click (or tap) on a message opens it in the inspector (MessageInspector).
              event.stopPropagation();
              selectMessage(message.id);
            }}
            ref={(element) => {
              if (element) elements.set(message.id, element);
              else elements.delete(message.id);
            }}
            transform={`translate(${travel.start.x},${travel.start.y})`}
          >
            <circle r={7} style={{ fill: colour }} />
            <text className="message-label" x={labelX} y={labelY} style={{ fill: colour }}>{message.label}</text>
            <text className="message-lost" y={-12}>✕</text>
          </g>
        );
      })}
    </g>
  );
});
