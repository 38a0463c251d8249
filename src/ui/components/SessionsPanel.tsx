// Every client and its session, one card each; clicking a card selects the client.
import { useStaticClients } from '../hooks/use-clients';
import { useTranslate } from '../i18n/use-translate';
import { clientTone, ephemeralsOf } from '../model/clients';
import { useZoo } from '../store';
import type { StaticClient } from '../hooks/use-clients';
import { SessionFields, useServerText } from './SessionFields';

function CardTitle({ client, onSelect }: { client: StaticClient; onSelect: () => void }) {
  const server = useServerText(client);
  return (
    <h3 className="session-title">
      <button type="button" className="link-button" onClick={onSelect}>{client.id}</button>
      <span className={`state-chip tone-${clientTone(client.state)}`}>{client.state}</span>
      <span className="session-server">{server}</span>
    </h3>
  );
}

const NO_NODES: never[] = [];

export function SessionsPanel() {
  const clients = useStaticClients();
  const znodes = useZoo((state) => state.view?.znodes) ?? NO_NODES;
  const selected = useZoo((state) => state.selectedClient);
  const selectClient = useZoo((state) => state.selectClient);
  const t = useTranslate();
  return (
    <section className="panel sessions" aria-labelledby="sessions-title" data-testid="sessions">
      <h2 id="sessions-title">{t('sessions.title')}</h2>
      {clients.length === 0 ? <p className="hint">{t('sessions.empty')}</p> : clients.map((client) => (
        <article key={client.id} className={`session-card${selected === client.id ? ' is-selected' : ''}`} data-testid={`session-${client.id}`}>
          <CardTitle client={client} onSelect={() => selectClient(client.id)} />
          <SessionFields client={client} ephemerals={ephemeralsOf(znodes, client.sessionId)} compact />
        </article>
      ))}
    </section>
  );
}
