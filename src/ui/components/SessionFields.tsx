// A client's session as a definition list: state, server, session id, timeout (and the time left
// before it expires, when the view says), last zxid, pending requests, ephemerals owned.
import type { StaticClient } from '../hooks/use-clients';
import { formatZxidPair } from '../../engine/sim/format';
import { useTranslate } from '../i18n/use-translate';
import { clientTone } from '../model/clients';
import { SessionCountdown } from './SessionCountdown';

/** The server line: "server 2", "trying server 3", or "—". */
export function useServerText(client: StaticClient): string {
  const t = useTranslate();
  const trying = client.state === 'CONNECTING' || client.state === 'DISCONNECTED';
  const server = client.server ?? (trying ? client.attemptServer : null);
  return server === null ? '—' : t(client.server === null ? 'session.trying' : 'server.name', { id: server });
}

/** `compact`: without the state and server rows (the caller shows them in its header). */
export function SessionFields({ client, ephemerals, compact = false }: { client: StaticClient; ephemerals: string[]; compact?: boolean }) {
  const t = useTranslate();
  const serverText = useServerText(client);
  return (
    <dl className="fields">
      {!compact && (<>
        <dt>{t('session.state')}</dt>
        <dd><span className={`state-chip tone-${clientTone(client.state)}`}>{client.state}</span></dd>
        <dt>{t('session.server')}</dt>
        <dd>{serverText}</dd>
      </>)}
      <dt>{t('session.id')}</dt>
      <dd className="mono">{client.sessionId ?? '—'}</dd>
      <dt>{t('session.timeout')}</dt>
      <dd className="mono">
        {client.sessionTimeoutMs > 0 ? t('session.ms', { ms: client.sessionTimeoutMs }) : '—'}
        <SessionCountdown id={client.id} />
      </dd>
      <dt>lastZxid</dt>
      <dd className="mono">{formatZxidPair(client.lastZxid)}</dd>
      <dt>{t('session.pending')}</dt>
      <dd className="mono">{client.pending.length === 0 ? '—' : client.pending.join(', ')}</dd>
      <dt>{t('session.ephemerals')}</dt>
      <dd className="mono">{ephemerals.length === 0 ? '—' : ephemerals.join(', ')}</dd>
    </dl>
  );
}
