// The client history in Porcupine's style: one row per client, a bar from call to return for
// each op (its path and result), the linearization points when the history is linearizable,
// the offending window when it is not. Plain reads are drawn apart: they are checked for
// sequential consistency, and the text below says why a stale read is not a bug.
import { useEffect, useMemo, useRef } from 'react';
import { useServices } from '../../app-context';
import { useTranslate } from '../../i18n/use-translate';
import { formatSeconds } from '../../model/playback-format';
import { useZoo } from '../../store';
import { LABEL_CHAR_PX, layoutHistory, opLabel, opResult, ROW_PX, TOP_PX } from './history-layout';
import '../../styles/correctness.css';

const BAR_H = 18;

export function HistoryView() {
  const picture = useZoo((state) => state.historyPicture);
  const verdict = useZoo((state) => state.correctness?.linearizability ?? null);
  const t = useTranslate();
  const { client } = useServices();
  const scroller = useRef<HTMLDivElement>(null);
  const bad = verdict !== null && verdict.ok === false ? verdict : null;
  const layout = useMemo(
    () => (picture === null ? null : layoutHistory(picture.ops, picture.points, bad?.ops ?? [], bad?.windowMs ?? null)),
    [picture, bad],
  );
  // Bring the offending window (or else the newest ops) into view.
  useEffect(() => {
    const box = scroller.current;
    if (box === null || layout === null) return;
    box.scrollLeft = layout.window !== null ? Math.max(0, layout.window.x0 - 40) : layout.width;
  }, [layout]);

  if (picture === null || layout === null || picture.ops.length === 0) {
    return (
      <section className="history-view" data-testid="history-view">
        <p className="hint" data-testid="history-empty">{t('history.empty')}</p>
        <Explanation />
      </section>
    );
  }
  return (
    <section className="history-view" data-testid="history-view" aria-label={t('history.label')}>
      <p className={`history-verdict${bad !== null ? ' is-bad' : ''}`} data-testid="history-verdict">
        {verdict === null || verdict.ok === true ? t('history.verdictOk')
          : verdict.ok === 'unknown' ? t('history.verdictUnknown', { path: verdict.path })
            : t('history.verdictBad', { check: verdict.check, path: verdict.path })}
      </p>
      <ul className="history-legend" aria-hidden="true">
        <li><span className="swatch history-swatch-write" />{t('history.legendWrite')}</li>
        <li><span className="swatch history-swatch-read" />{t('history.legendRead')}</li>
        <li><span className="history-dot" />{t('history.legendPoint')}</li>
        {bad !== null && <li><span className="swatch history-swatch-window" />{t('history.legendWindow')}</li>}
      </ul>
      <div className="history-frame">
        <svg width={56} height={layout.height} className="history-labels" aria-hidden="true">
          {layout.clients.map((label, index) => (
            <text key={label} className="history-client" x={4} y={TOP_PX + index * ROW_PX + BAR_H / 2 + 4}>{label}</text>
          ))}
        </svg>
      <div className="history-scroll" ref={scroller}>
        <svg width={layout.width} height={layout.height} className="history-svg" role="img" aria-label={t('history.label')}>
          {layout.window !== null && (
            <rect className="history-window" data-testid="history-window" x={layout.window.x0} y={0} width={layout.window.x1 - layout.window.x0} height={layout.height} />
          )}
          {layout.ticks.map((tick) => (
            <text key={tick.timeMs} className="history-tick" x={tick.x} y={12}>{t('timeline.tick', { seconds: formatSeconds(tick.timeMs) })}</text>
          ))}
          {layout.clients.map((label, index) => (
            <g key={label} className="history-row" data-testid="history-row" data-client={label}>
              <line className="history-row-line" x1={0} x2={layout.width} y1={TOP_PX + index * ROW_PX + ROW_PX - 4} y2={TOP_PX + index * ROW_PX + ROW_PX - 4} />
            </g>
          ))}
          {layout.bars.map((bar) => {
            const op = bar.op;
            const read = op.kind === 'read';
            const width = bar.x1 - bar.x0;
            const label = opLabel(op);
            const fits = Math.max(0, Math.floor((width - 8) / LABEL_CHAR_PX));
            const text = label.length <= fits ? label : fits > 3 ? `${label.slice(0, fits - 1)}…` : '';
            const title = t('history.opTitle', {
              client: op.client, op: op.kind, path: op.path, result: opResult(op),
              call: formatSeconds(op.callMs), ret: bar.pending ? '—' : formatSeconds(op.returnMs),
            }) + (bar.pending ? ` (${t('history.pending')})` : '') + (read ? ` · ${t('history.legendRead')}` : '');
            return (
              <g key={op.id} className={`history-op${read ? ' is-read' : ''}${bar.pending ? ' is-pending' : ''}${bar.offending ? ' is-offending' : ''}`}
                data-testid="history-op" data-op={op.id} data-client={op.client} data-path={op.path}
                onClick={() => void client.seek(bar.pending ? op.callMs : op.returnMs)}>
                <title>{title}</title>
                <rect x={bar.x0} y={bar.y} width={width} height={BAR_H} rx={4} />
                {text && <text x={bar.x0 + 4} y={bar.y + BAR_H / 2 + 1}>{text}</text>}
                {bar.pointX !== null && <circle className="history-point" data-testid="history-point" cx={bar.pointX} cy={bar.y + BAR_H} r={3.5} />}
              </g>
            );
          })}
        </svg>
      </div>
      </div>
      {picture.omitted > 0 && <p className="hint">{t('history.omitted', { count: picture.omitted })}</p>}
      {picture.skipped.length > 0 && (
        <p className="hint history-skipped">{t('history.skipped', { paths: picture.skipped.slice(0, 6).map((item) => item.path).join(', ') + (picture.skipped.length > 6 ? ' …' : '') })}</p>
      )}
      <Explanation />
    </section>
  );
}

function Explanation() {
  const t = useTranslate();
  return (
    <details className="history-explain" data-testid="history-explain" open>
      <summary>{t('history.explainTitle')}</summary>
      <p>{t('history.explain')}</p>
    </details>
  );
}
