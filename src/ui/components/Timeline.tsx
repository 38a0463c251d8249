// The run over simulated time, under the ring: who led which epoch when (bands), every server's
// role (thin lanes), elections, faults and commits (markers), and a playhead. React draws the
// structure when the history or the axis changes; the playhead and the "not reached yet" mask are
// written straight to the DOM from a store subscription (no re-render per frame). Clicking seeks.
import { scaleLinear } from 'd3';
import { memo, useEffect, useMemo, useRef, type KeyboardEvent, type MouseEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useServices } from '../app-context';
import { useElementSize } from '../hooks/use-element-size';
import { useTranslate } from '../i18n/use-translate';
import { describeRecord } from '../model/describe-record';
import { formatSeconds } from '../model/playback-format';
import { leaderBands, roleSegments, timelineEnd } from '../model/timeline';
import { useZoo } from '../store';
import '../styles/timeline-keys.css';

const LEFT = 74;
const RIGHT = 14;
const BAND_Y = 4;
const BAND_H = 26;
const LANE_H = 9;
const LANE_GAP = 2;
const MARK_H = 16;
const AXIS_H = 20;
/** What one arrow key moves the time by (with Shift: the larger one). */
const KEY_STEP_MS = 100;
const KEY_STEP_LARGE_MS = 1000;

export function Timeline() {
  const open = useZoo((state) => state.timelineOpen);
  const setOpen = useZoo((state) => state.setTimelineOpen);
  const t = useTranslate();
  return (
    <section className={`timeline${open ? '' : ' is-closed'}`} data-testid="timeline" aria-label={t('timeline.label')}>
      <div className="timeline-bar">
        <button type="button" className="button is-quiet timeline-toggle" aria-expanded={open} data-testid="timeline-toggle"
          onClick={() => setOpen(!open)}>
          <span aria-hidden="true">{open ? '▾' : '▸'}</span> {t('timeline.title')}
        </button>
        {open && (
          <ul className="timeline-legend" aria-hidden="true">
            <li><span className="swatch swatch-band" />{t('timeline.legendLeader')}</li>
            <li><span className="mark-glyph mark-election">◆</span>{t('timeline.legendElection')}</li>
            <li><span className="mark-glyph mark-fault">▼</span>{t('timeline.legendFault')}</li>
            <li><span className="mark-glyph mark-commit">|</span>{t('timeline.legendCommit')}</li>
            <li><span className="mark-glyph mark-violation">✖</span>{t('timeline.legendViolation')}</li>
          </ul>
        )}
        {open && <span className="timeline-hint">{t('timeline.hint')}</span>}
      </div>
      {open && <TimelineChart />}
    </section>
  );
}

const TimelineChart = memo(function TimelineChart() {
  const box = useRef<HTMLDivElement>(null);
  const { width } = useElementSize(box);
  const { client } = useServices();
  const t = useTranslate();
  const history = useZoo((state) => state.history);
  const end = useZoo((state) => timelineEnd(Math.max(state.headTimeMs, state.view?.timeMs ?? 0)));
  const ids = useZoo(useShallow((state) => state.view?.servers.map((server) => server.id) ?? []));
  const playhead = useRef<SVGGElement>(null);
  const future = useRef<SVGRectElement>(null);
  const hover = useRef<SVGGElement>(null);

  const x = useMemo(() => scaleLinear().domain([0, end]).range([LEFT, Math.max(LEFT + 10, width - RIGHT)]), [end, width]);
  const bands = useMemo(() => leaderBands(history), [history]);
  const segments = useMemo(() => roleSegments(history), [history]);
  const commits = useMemo(() => history.filter((event) => event.kind === 'commit').map((event) => event.t), [history]);
  const faults = useMemo(() => history.filter((event) => event.kind === 'fault'), [history]);
  const violations = useZoo((state) => state.violationMarks);

  const lanesY = BAND_Y + BAND_H + 4;
  const marksY = lanesY + ids.length * (LANE_H + LANE_GAP) + 2;
  const axisY = marksY + MARK_H + 2;
  const height = axisY + AXIS_H;
  const right = x.range()[1]!;
  const clampX = (value: number): number => Math.min(right, Math.max(LEFT, x(Math.min(value, end))));

  useEffect(() => {
    const write = (timeMs: number, headTimeMs: number): void => {
      playhead.current?.setAttribute('transform', `translate(${clampX(timeMs).toFixed(1)},0)`);
      // The playhead is the keyboard's slider: its value follows the time (no React render).
      playhead.current?.setAttribute('aria-valuenow', String(timeMs));
      playhead.current?.setAttribute('aria-valuemax', String(Math.max(end, headTimeMs)));
      playhead.current?.setAttribute('aria-valuetext', t('controls.timeValue', { seconds: formatSeconds(timeMs) }));
      playhead.current?.setAttribute('aria-label', t('timeline.aria', { seconds: formatSeconds(timeMs), end: formatSeconds(headTimeMs) }));
      const from = clampX(headTimeMs);
      future.current?.setAttribute('x', from.toFixed(1));
      future.current?.setAttribute('width', Math.max(0, right - from).toFixed(1));
    };
    const state = useZoo.getState();
    write(state.view?.timeMs ?? 0, state.headTimeMs);
    return useZoo.subscribe((next, previous) => {
      if (next.view?.timeMs !== previous.view?.timeMs || next.headTimeMs !== previous.headTimeMs) write(next.view?.timeMs ?? 0, next.headTimeMs);
    });
    // clampX and right follow x
  }, [x, t]);

  /** Arrow keys move the time (Shift: by a second), Home/End go to the start / the furthest point reached. */
  const onSliderKey = (event: KeyboardEvent<SVGGElement>): void => {
    const state = useZoo.getState();
    const now = state.view?.timeMs ?? 0;
    const stride = event.shiftKey ? KEY_STEP_LARGE_MS : KEY_STEP_MS;
    const target = event.key === 'ArrowLeft' || event.key === 'ArrowDown' ? Math.max(0, now - stride)
      : event.key === 'ArrowRight' || event.key === 'ArrowUp' ? Math.min(state.headTimeMs, now + stride)
      : event.key === 'Home' ? 0
      : event.key === 'End' ? state.headTimeMs
      : null;
    if (target === null) return;
    event.preventDefault();
    event.stopPropagation();
    void client.seek(target);
  };
  /** Enter or Space on a marker goes to its time. */
  const markKeys = (timeMs: number) => (event: KeyboardEvent<SVGElement>): void => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    event.preventDefault();
    event.stopPropagation();
    void client.seek(timeMs);
  };

  const timeAt = (event: MouseEvent<SVGSVGElement>): number => {
    const rect = event.currentTarget.getBoundingClientRect();
    return Math.round(Math.min(end, Math.max(0, x.invert(event.clientX - rect.left))));
  };
  const onMove = (event: MouseEvent<SVGSVGElement>): void => {
    const g = hover.current;
    if (!g) return;
    const timeMs = timeAt(event);
    g.setAttribute('transform', `translate(${x(timeMs).toFixed(1)},0)`);
    g.style.display = '';
    const label = g.querySelector('text');
    if (label) label.textContent = t('controls.timeValue', { seconds: formatSeconds(timeMs) });
  };
  const name = (id: number): string => String(id);
  const ticks = x.ticks(Math.max(2, Math.floor((right - LEFT) / 90)));

  return (
    <div className="timeline-chart" ref={box}>
      {width > 0 && (
        <svg width={width} height={height} className="timeline-svg" role="group" aria-label={t('timeline.label')}
          data-end={end} data-x0={LEFT} data-x1={right}
          onClick={(event) => void client.seek(timeAt(event))}
          onPointerMove={onMove} onPointerLeave={() => { if (hover.current) hover.current.style.display = 'none'; }}>
          <text className="timeline-row-label" x={LEFT - 8} y={BAND_Y + BAND_H / 2}>{t('timeline.leader')}</text>
          <rect className="timeline-track" x={LEFT} y={BAND_Y} width={right - LEFT} height={BAND_H} />
          {bands.map((band) => {
            const x0 = clampX(band.from);
            const x1 = clampX(band.to === Infinity ? end : band.to);
            const w = Math.max(1, x1 - x0);
            const long = t('timeline.band', { id: band.server, epoch: band.epoch });
            const text = w > long.length * 7.5 + 10 ? long : w > 46 ? `s${band.server}·e${band.epoch}` : '';
            return (
              <g key={`${band.server}-${band.epoch}-${band.from}`} className={`leader-band epoch-${band.epoch % 2 === 0 ? 'even' : 'odd'}`}
                data-testid="leader-band" data-server={band.server} data-epoch={band.epoch}>
                <rect x={x0} y={BAND_Y} width={w} height={BAND_H} rx={4}><title>{long}</title></rect>
                {text && <text x={x0 + 6} y={BAND_Y + BAND_H / 2}>{text}</text>}
              </g>
            );
          })}
          {ids.map((id, index) => {
            const y = lanesY + index * (LANE_H + LANE_GAP);
            return (
              <g key={id} className="role-lane">
                <text className="timeline-lane-label" x={LEFT - 8} y={y + LANE_H / 2}>{t('timeline.server', { id })}</text>
                {(segments.get(id) ?? []).map((segment) => {
                  const x0 = clampX(segment.from);
                  const x1 = clampX(segment.to === Infinity ? end : segment.to);
                  return <rect key={segment.from} className={`lane-seg role-${segment.role}`} x={x0} y={y} width={Math.max(1, x1 - x0)} height={LANE_H} />;
                })}
              </g>
            );
          })}
          <path className="commit-ticks" d={commits.map((time) => `M${clampX(time).toFixed(1)},${marksY + 3}v${MARK_H - 6}`).join('')} />
          {bands.map((band) => (
            <text key={`e-${band.server}-${band.from}`} className="mark-glyph mark-election" x={clampX(band.from)} y={marksY + MARK_H / 2}
              tabIndex={0} role="button" data-testid="timeline-mark" data-t={band.from} onKeyDown={markKeys(band.from)}
              aria-label={t('timeline.markAria', { what: t('timeline.elected', { id: band.server, epoch: band.epoch, seconds: formatSeconds(band.from) }), seconds: formatSeconds(band.from) })}>
              ◆<title>{t('timeline.elected', { id: band.server, epoch: band.epoch, seconds: formatSeconds(band.from) })}</title>
            </text>
          ))}
          {faults.map((fault, index) => (
            <text key={`f-${index}`} className="mark-glyph mark-fault" x={clampX(fault.t)} y={marksY + MARK_H / 2}
              tabIndex={0} role="button" data-testid="timeline-mark" data-t={fault.t} onKeyDown={markKeys(fault.t)}
              aria-label={t('timeline.markAria', { what: describeRecord({ type: 'fault', t: fault.t, action: fault.action }, t, name), seconds: formatSeconds(fault.t) })}>
              ▼<title>{`${formatSeconds(fault.t)} s · ${describeRecord({ type: 'fault', t: fault.t, action: fault.action }, t, name)}`}</title>
            </text>
          ))}
          {violations.map((mark) => (
            <text key={`v-${mark.name}`} className="mark-glyph mark-violation" data-testid="timeline-violation" data-name={mark.name} x={clampX(mark.timeMs)} y={marksY + MARK_H / 2}>
              ✖<title>{`${t('timeline.violation', { name: mark.name, seconds: formatSeconds(mark.timeMs) })}\n${mark.message}`}</title>
            </text>
          ))}
          <g className="timeline-axis" transform={`translate(0,${axisY})`}>
            <line x1={LEFT} x2={right} y1={0} y2={0} />
            {ticks.map((tick) => (
              <g key={tick} transform={`translate(${x(tick)},0)`}>
                <line y2={5} />
                <text y={15}>{t('timeline.tick', { seconds: Number((tick / 1000).toFixed(3)) })}</text>
              </g>
            ))}
          </g>
          <rect ref={future} className="timeline-future" x={right} y={0} width={0} height={axisY} />
          <g ref={hover} className="timeline-hover" style={{ display: 'none' }}>
            <line y1={0} y2={axisY} />
            <text y={BAND_Y + BAND_H + 2} x={4} />
          </g>
          <g ref={playhead} className="timeline-playhead" data-testid="timeline-playhead" tabIndex={0} role="slider"
            aria-valuemin={0} aria-orientation="horizontal" onKeyDown={onSliderKey} onClick={(event) => event.stopPropagation()}>
            <line y1={0} y2={axisY} />
            <path d="M-6,0L6,0L0,8Z" />
          </g>
        </svg>
      )}
    </div>
  );
});
