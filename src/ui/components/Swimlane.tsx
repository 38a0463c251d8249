// A space-time diagram of recent messages: one lane per server and client, time flowing down, an
// arrow from (sender, send time) to (receiver, delivery time) coloured by message family, drops
// marked ✕ halfway. It shows a window of simulated time around the playhead. The lanes' headings
// are React; the arrows move every frame, so they are painted on a canvas from the shared frame
// loop (no React re-render per frame).
import { scaleLinear } from 'd3';
import { useEffect, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { MessageView } from '../../engine/world/view';
import { useServices } from '../app-context';
import { useElementSize } from '../hooks/use-element-size';
import { useStaticClients } from '../hooks/use-clients';
import { useTranslate } from '../i18n/use-translate';
import { clientEndpoint } from '../model/clients';
import { FAMILY_COLOURS, MESSAGE_FAMILIES, messageFamily, type MessageFamily } from '../model/message-kinds';
import { createPlaybackClock } from '../model/playback-clock';
import { formatSeconds } from '../model/playback-format';
import type { SendRecord } from '../model/timeline';
import { useZoo } from '../store';

/** Window lengths the user can pick (simulated ms). */
export const SWIMLANE_SPANS = [20, 50, 100, 200, 500, 1000, 2000] as const;
const SPAN_DEFAULT_INDEX = 1;
/** The playhead sits this far down the window: most of it is the recent past. */
const NOW_AT = 0.75;
const LABELS_MAX = 14;
const AXIS_W = 52;

interface Palette { ink: string; soft: string; paper: string; line: string; danger: string; families: Record<MessageFamily, string> }

function readPalette(element: Element): Palette {
  const style = getComputedStyle(element);
  const read = (name: string, fallback: string): string => style.getPropertyValue(name).trim() || fallback;
  const families = { ...FAMILY_COLOURS };
  for (const family of MESSAGE_FAMILIES) families[family] = read(`--family-${family}`, FAMILY_COLOURS[family]);
  return { ink: read('--ink', '#0f172a'), soft: read('--ink-soft', '#334155'), paper: read('--paper', '#fff'), line: read('--line', '#cbd5e1'), danger: read('--danger', '#b91c1c'), families };
}

type Arrow = Pick<MessageView, 'id' | 'from' | 'to' | 'label' | 'sendTimeMs' | 'deliverTimeMs'> & { dropped: unknown };

/** The messages to draw in [top, bottom]: recorded sends plus what is in flight now. */
function arrowsIn(sends: readonly SendRecord[], inFlight: readonly MessageView[], top: number, bottom: number): Arrow[] {
  const out: Arrow[] = [];
  const seen = new Set<number>();
  // sends are sorted by send time; a message lives at most a few seconds
  let low = 0;
  let high = sends.length;
  const from = top - 10_000;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sends[mid]!.sendTimeMs < from) low = mid + 1;
    else high = mid;
  }
  for (let index = low; index < sends.length; index++) {
    const send = sends[index]!;
    if (send.sendTimeMs > bottom) break;
    if (send.deliverTimeMs < top) continue;
    seen.add(send.id);
    out.push(send);
  }
  for (const message of inFlight) if (!seen.has(message.id) && message.sendTimeMs <= bottom && message.deliverTimeMs >= top) out.push(message);
  return out;
}

export function Swimlane() {
  const t = useTranslate();
  const { loop } = useServices();
  const [spanIndex, setSpanIndex] = useState(SPAN_DEFAULT_INDEX);
  const span = SWIMLANE_SPANS[spanIndex]!;
  const serverIds = useZoo(useShallow((state) => state.view?.servers.map((server) => server.id) ?? []));
  const clients = useStaticClients();
  const contrast = useZoo((state) => state.contrast);
  const lanes = [
    ...serverIds.map((id) => ({ endpoint: id, label: t('swimlane.server', { id }), kind: 'server' })),
    ...clients.map((client, index) => ({ endpoint: clientEndpoint(clients, index), label: client.id, kind: 'client' })),
  ];
  const laneKey = lanes.map((lane) => lane.endpoint).join(',');
  const box = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const { width, height } = useElementSize(box);

  useEffect(() => {
    const element = canvas.current;
    if (!element || width === 0 || height === 0) return;
    const ratio = window.devicePixelRatio || 1;
    element.width = Math.round(width * ratio);
    element.height = Math.round(height * ratio);
    const context = element.getContext('2d');
    if (!context) return;
    const palette = readPalette(element);
    const endpoints = laneKey.split(',').filter(Boolean).map(Number);
    const laneWidth = (width - AXIS_W) / Math.max(1, endpoints.length);
    const laneX = new Map(endpoints.map((endpoint, index) => [endpoint, AXIS_W + laneWidth * (index + 0.5)]));
    const clock = createPlaybackClock();
    const emptyText = t('swimlane.empty');
    let lastKey = '';
    let lastCount = -1;
    let lastDrops = -1;
    const paint = (nowMs: number): boolean => {
      const state = useZoo.getState();
      const view = state.view;
      if (!view) return state.playing;
      const timeMs = clock.at(nowMs, view.timeMs, state.playing, state.speed);
      const key = `${timeMs}|${state.batchSeq}`;
      if (key === lastKey) return state.playing;
      lastKey = key;
      const top = timeMs - span * NOW_AT;
      const bottom = top + span;
      const y = (time: number): number => ((time - top) / span) * height;
      context.setTransform(ratio, 0, 0, ratio, 0, 0);
      context.clearRect(0, 0, width, height);
      context.fillStyle = palette.paper;
      context.fillRect(0, 0, width, height);
      // lanes
      context.strokeStyle = palette.line;
      context.lineWidth = 2;
      for (const x of laneX.values()) {
        context.beginPath();
        context.moveTo(x, 0);
        context.lineTo(x, height);
        context.stroke();
      }
      // time ticks on the left
      const ticks = scaleLinear().domain([top, bottom]).ticks(5);
      context.fillStyle = palette.soft;
      context.font = '600 12px ui-monospace, monospace';
      context.textAlign = 'right';
      context.textBaseline = 'middle';
      for (const tick of ticks) {
        if (tick < 0) continue;
        const ty = y(tick);
        context.fillText(formatSeconds(tick), AXIS_W - 6, ty);
        context.strokeStyle = palette.line;
        context.lineWidth = 1;
        context.beginPath();
        context.moveTo(AXIS_W - 3, ty);
        context.lineTo(width, ty);
        context.globalAlpha = 0.35;
        context.stroke();
        context.globalAlpha = 1;
      }
      const arrows = arrowsIn(state.sends, view.messages, top, bottom);
      const labels = arrows.length <= LABELS_MAX;
      let drops = 0;
      context.textAlign = 'center';
      context.font = '800 12px system-ui, sans-serif';
      for (const arrow of arrows) {
        const x0 = laneX.get(arrow.from);
        const x1 = laneX.get(arrow.to);
        if (x0 === undefined || x1 === undefined) continue;
        const colour = palette.families[messageFamily(arrow.label)];
        const y0 = y(arrow.sendTimeMs);
        const y1 = y(Math.max(arrow.deliverTimeMs, arrow.sendTimeMs + 0.01));
        const dropped = arrow.dropped !== null && arrow.dropped !== undefined;
        const ex = dropped ? (x0 + x1) / 2 : x1;
        const ey = dropped ? (y0 + y1) / 2 : y1;
        context.strokeStyle = colour;
        context.fillStyle = colour;
        context.lineWidth = contrast ? 3 : 2;
        context.setLineDash(dropped ? [5, 4] : []);
        context.beginPath();
        context.moveTo(x0, y0);
        context.lineTo(ex, ey);
        context.stroke();
        context.setLineDash([]);
        context.beginPath();
        context.arc(x0, y0, 3, 0, Math.PI * 2);
        context.fill();
        if (dropped) {
          drops++;
          context.fillStyle = palette.danger;
          context.font = '900 16px system-ui, sans-serif';
          context.textBaseline = 'middle';
          context.fillText('✕', ex, ey);
          context.font = '800 12px system-ui, sans-serif';
        } else {
          const angle = Math.atan2(y1 - y0, x1 - x0);
          context.beginPath();
          context.moveTo(x1, y1);
          context.lineTo(x1 - 10 * Math.cos(angle - 0.4), y1 - 10 * Math.sin(angle - 0.4));
          context.lineTo(x1 - 10 * Math.cos(angle + 0.4), y1 - 10 * Math.sin(angle + 0.4));
          context.closePath();
          context.fill();
        }
        if (labels) {
          const lx = x0 + (ex - x0) * 0.35;
          const ly = y0 + (ey - y0) * 0.35 - 7;
          const word = arrow.label.split(/\s/, 1)[0] ?? arrow.label;
          context.lineWidth = 4;
          context.strokeStyle = palette.paper;
          context.textBaseline = 'middle';
          context.strokeText(word, lx, ly);
          context.fillStyle = colour;
          context.fillText(word, lx, ly);
        }
      }
      if (arrows.length === 0) {
        context.fillStyle = palette.soft;
        context.font = '650 14px system-ui, sans-serif';
        context.textAlign = 'center';
        context.textBaseline = 'middle';
        const middle = AXIS_W + (width - AXIS_W) / 2;
        const textWidth = context.measureText(emptyText).width;
        context.fillStyle = palette.paper;
        context.fillRect(middle - textWidth / 2 - 8, height * 0.4 - 14, textWidth + 16, 28);
        context.fillStyle = palette.soft;
        context.fillText(emptyText, middle, height * 0.4);
      }
      // what has not happened yet is faded; the playhead is a line
      const nowY = y(timeMs);
      context.globalAlpha = 0.55;
      context.fillStyle = palette.paper;
      context.fillRect(0, nowY, width, height - nowY);
      context.globalAlpha = 1;
      context.strokeStyle = palette.ink;
      context.lineWidth = 2;
      context.beginPath();
      context.moveTo(0, nowY);
      context.lineTo(width, nowY);
      context.stroke();
      if (arrows.length !== lastCount) {
        lastCount = arrows.length;
        element.parentElement?.parentElement?.setAttribute('data-arrows', String(arrows.length));
      }
      if (drops !== lastDrops) {
        lastDrops = drops;
        element.parentElement?.parentElement?.setAttribute('data-drops', String(drops));
      }
      return state.playing;
    };
    const remove = loop.add(paint);
    return remove;
  }, [width, height, laneKey, span, contrast, loop, t]);

  // Paint a new batch while paused (seek, step).
  const batchSeq = useZoo((state) => (state.playing ? -1 : state.batchSeq));
  useEffect(() => loop.wake(), [batchSeq, loop]);

  return (
    <section className="panel swimlane" data-testid="swimlane" aria-labelledby="swimlane-title" data-arrows="0" data-drops="0">
      <header className="panel-header">
        <h2 id="swimlane-title">{t('swimlane.title')}</h2>
        <div className="swimlane-zoom" role="group" aria-label={t('swimlane.zoom')}>
          <button type="button" className="button is-quiet" data-testid="swimlane-zoom-in" disabled={spanIndex === 0}
            aria-label={t('swimlane.zoomIn')} title={t('swimlane.zoomIn')} onClick={() => setSpanIndex(spanIndex - 1)}>＋</button>
          <span className="swimlane-span">{t('swimlane.span', { ms: span })}</span>
          <button type="button" className="button is-quiet" data-testid="swimlane-zoom-out" disabled={spanIndex === SWIMLANE_SPANS.length - 1}
            aria-label={t('swimlane.zoomOut')} title={t('swimlane.zoomOut')} onClick={() => setSpanIndex(spanIndex + 1)}>－</button>
        </div>
      </header>
      <p className="hint swimlane-hint">{t('swimlane.hint')}</p>
      <div className="swimlane-heads" style={{ paddingLeft: AXIS_W }} aria-hidden="true">
        {lanes.map((lane) => <span key={lane.endpoint} className={`swimlane-head is-${lane.kind}`}>{lane.label}</span>)}
      </div>
      <div className="swimlane-box" ref={box}>
        <canvas ref={canvas} className="swimlane-canvas" style={{ width, height }} role="img" aria-label={t('swimlane.label')} />
      </div>
    </section>
  );
}
