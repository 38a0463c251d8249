// Faults on one link between two servers: latency (delay), loss ratio, and a one-way cut. The link
// comes from a click on the ring or from the two pickers; "both ways" applies delay and loss to
// each direction (two actions). Every change is an action: it enters the input log and the URL.
import { useState } from 'react';
import type { InputAction } from '../../../engine/world';
import { useServices } from '../../app-context';
import { useFaultSelection } from '../../fault-selection';
import { useTranslate } from '../../i18n/use-translate';
import { useZoo } from '../../store';

const LATENCY_MAX_MS = 60_000;

export function LinkFaults() {
  const { client } = useServices();
  const t = useTranslate();
  const ids = useZoo((state) => state.view?.servers.map((server) => server.id).join(',') ?? '');
  const all = ids.split(',').filter(Boolean).map(Number);
  const cuts = useZoo((state) => state.view?.network.cuts);
  const link = useFaultSelection((state) => state.link);
  const pickLink = useFaultSelection((state) => state.pickLink);
  const [bothWays, setBothWays] = useState(true);
  const [latency, setLatency] = useState('500');
  const [lossPercent, setLossPercent] = useState('20');
  const from = link?.from ?? all[0] ?? 1;
  const to = link?.to ?? all[1] ?? 2;
  const valid = from !== to && all.includes(from) && all.includes(to);
  const latencyMs = Math.round(Number(latency));
  const latencyOk = latency.trim() !== '' && Number.isFinite(latencyMs) && latencyMs >= 0 && latencyMs <= LATENCY_MAX_MS;
  const ratio = Number(lossPercent) / 100;
  const lossOk = lossPercent.trim() !== '' && Number.isFinite(ratio) && ratio >= 0 && ratio <= 1;
  const isCut = (cuts ?? []).some((cut) => cut.from === from && cut.to === to);
  const directions: [number, number][] = bothWays ? [[from, to], [to, from]] : [[from, to]];
  const actAll = (make: (a: number, b: number) => InputAction): void => {
    for (const [a, b] of directions) void client.act(make(a, b));
  };
  const choose = (which: 'from' | 'to', value: number): void => pickLink(which === 'from' ? { from: value, to } : { from, to: value });

  return (
    <fieldset className="fault-box" data-testid="link-faults">
      <legend>{t('network.link')}</legend>
      <p className="hint">{t('network.linkHint')}</p>
      <div className="link-pickers">
        <label>{t('network.from')}{' '}
          <select data-testid="link-from" value={from} onChange={(event) => choose('from', Number(event.target.value))}>
            {all.map((id) => <option key={id} value={id}>{id}</option>)}
          </select>
        </label>
        <label>{t('network.to')}{' '}
          <select data-testid="link-to" value={to} onChange={(event) => choose('to', Number(event.target.value))}>
            {all.map((id) => <option key={id} value={id}>{id}</option>)}
          </select>
        </label>
        <label><input type="checkbox" checked={bothWays} onChange={(event) => setBothWays(event.target.checked)} data-testid="link-both" /> {t('network.bothWays')}</label>
      </div>
      <div className="link-inputs">
        <label>{t('network.latency')}{' '}
          <input type="number" min={0} max={LATENCY_MAX_MS} step={50} value={latency} onChange={(event) => setLatency(event.target.value)} data-testid="link-latency" />
        </label>
        <button type="button" className="button" data-testid="action-delay" disabled={!valid || !latencyOk}
          onClick={() => actAll((a, b) => ({ kind: 'fault', fault: 'delay', from: a, to: b, latencyMsMin: latencyMs, latencyMsMax: latencyMs }))}>
          {t('network.applyDelay')}
        </button>
        <label>{t('network.lossPercent')}{' '}
          <input type="number" min={0} max={100} step={5} value={lossPercent} onChange={(event) => setLossPercent(event.target.value)} data-testid="link-loss" />
        </label>
        <button type="button" className="button" data-testid="action-loss" disabled={!valid || !lossOk}
          onClick={() => actAll((a, b) => ({ kind: 'fault', fault: 'loss', from: a, to: b, ratio }))}>
          {t('network.applyLoss')}
        </button>
      </div>
      <div className="action-row">
        <button type="button" className={`button${isCut ? '' : ' is-danger'}`} data-testid="action-cut" disabled={!valid}
          onClick={() => void client.act({ kind: 'fault', fault: isCut ? 'uncut' : 'cut', from, to })}>
          {isCut ? t('network.uncut', { from, to }) : t('network.cutOneWay', { from, to })}
        </button>
      </div>
    </fieldset>
  );
}
