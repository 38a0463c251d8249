// The selected client: its session, what it waits for, the ephemerals it owns, and its faults
// (expire its session, cut it off for a while, close it).
import { useServices } from '../app-context';
import { useStaticClient } from '../hooks/use-clients';
import { useTranslate } from '../i18n/use-translate';
import { ephemeralsOf } from '../model/clients';
import { useZoo } from '../store';
import { SessionFields } from './SessionFields';

const DISCONNECT_MS = 5000;

export function ClientInspector({ id }: { id: string }) {
  const client = useStaticClient(id);
  const znodes = useZoo((state) => state.view?.znodes);
  const selectClient = useZoo((state) => state.selectClient);
  const { client: worker } = useServices();
  const t = useTranslate();
  if (!client) return null;
  const live = client.state !== 'EXPIRED' && client.state !== 'CLOSED' && client.state !== 'CRASHED';
  return (
    <section className="panel inspector" aria-labelledby="inspector-title" data-testid="inspector">
      <header className="panel-header">
        <h2 id="inspector-title">{t('inspector.client', { id })}</h2>
        <button type="button" className="button is-quiet" onClick={() => selectClient(null)} aria-label={t('inspector.close')}>✕</button>
      </header>
      <SessionFields client={client} ephemerals={ephemeralsOf(znodes ?? [], client.sessionId)} />
      {live && (
        <div className="action-row">
          <button type="button" className="button is-danger" data-testid="action-expire"
            onClick={() => void worker.act({ kind: 'fault', fault: 'expire', client: id })}>{t('action.expire')}</button>
          <button type="button" className="button" data-testid="action-disconnect"
            onClick={() => void worker.act({ kind: 'fault', fault: 'disconnect', client: id, durationMs: DISCONNECT_MS })}>
            {t('action.disconnect', { seconds: DISCONNECT_MS / 1000 })}
          </button>
          <button type="button" className="button" data-testid="action-close"
            onClick={() => void worker.act({ kind: 'op', client: id, op: 'close' })}>{t('action.close')}</button>
        </div>
      )}
      <p className="hint">{t('inspector.clientHint')}</p>
    </section>
  );
}
