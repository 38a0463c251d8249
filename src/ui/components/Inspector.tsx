// The selected server: its summary, the faults that apply to it, and its full state.
import { formatZxidPair } from '../../engine/sim/format';
import { useTranslate } from '../i18n/use-translate';
import { roleStyle } from '../model/roles';
import { useZoo } from '../store';
import { DetailList } from './DetailList';
import { ServerActions } from './ServerActions';

export function Inspector() {
  const selected = useZoo((state) => state.selectedServer);
  const server = useZoo((state) => state.view?.servers.find((candidate) => candidate.id === state.selectedServer));
  const selectServer = useZoo((state) => state.selectServer);
  const t = useTranslate();

  if (selected === null || !server) {
    return (
      <section className="panel inspector" aria-labelledby="inspector-title">
        <h2 id="inspector-title">{t('inspector.title')}</h2>
        <p className="hint">{t('inspector.empty')}</p>
      </section>
    );
  }
  const style = roleStyle(server.role);
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
        {server.paused ? ` · ${t('server.paused')}` : ''}
      </p>
      <ServerActions server={server} />
      <h3>{t('inspector.detail')}</h3>
      {Object.keys(server.detail).length === 0 ? <p className="hint">{t('inspector.noDetail')}</p> : <DetailList detail={server.detail} />}
    </section>
  );
}
