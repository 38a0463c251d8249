// The selected server: its summary, the faults that apply to it, its log, and its full state.
import { formatZxidPair } from '../../engine/sim/format';
import { useTranslate } from '../i18n/use-translate';
import { roleStyleVars } from '../model/roles';
import { useZoo } from '../store';
import { DetailList } from './DetailList';
import { LogStrip } from './LogStrip';
import { ServerActions } from './ServerActions';

export function ServerInspector({ id }: { id: number }) {
  const server = useZoo((state) => state.view?.servers.find((candidate) => candidate.id === id));
  const selectServer = useZoo((state) => state.selectServer);
  const t = useTranslate();
  if (!server) return null;
  const style = roleStyleVars(server.role);
  const phase = typeof server.detail.phase === 'string' ? server.detail.phase : null;
  return (
    <section className="panel inspector" aria-labelledby="inspector-title" data-testid="inspector">
      <header className="panel-header">
        <h2 id="inspector-title">
          {t('inspector.server', { id: server.id })}{' '}
          <span className="role-chip" style={{ color: style.strong, borderColor: style.strong, background: style.tint }}>{server.role}</span>
        </h2>
        <button type="button" className="button is-quiet" onClick={() => selectServer(null)} aria-label={t('inspector.close')}>✕</button>
      </header>
      <p className="inspector-summary">
        {t('server.epoch', { epoch: server.epoch })} · {t('server.zxid', { zxid: formatZxidPair(server.lastZxid) })}
        {phase ? ` · ${phase}` : ''}
        {server.serving ? ` · ${t('server.serving')}` : ''}
        {server.paused ? ` · ${t('server.paused')}` : ''}
      </p>
      <ServerActions server={server} />
      <h3>{t('log.title')}</h3>
      <LogStrip server={server} />
      <details className="detail-more">
        <summary>{t('inspector.detail')}</summary>
        {Object.keys(server.detail).length === 0 ? <p className="hint">{t('inspector.noDetail')}</p> : <DetailList detail={server.detail} />}
      </details>
    </section>
  );
}
