// The inspector: whatever is selected (a server, a client, a znode or a message), or a hint.
import { useTranslate } from '../i18n/use-translate';
import { useZoo } from '../store';
import { ClientInspector } from './ClientInspector';
import { MessageInspector } from './MessageInspector';
import { ServerInspector } from './ServerInspector';
import { ZnodeInspector } from './ZnodeInspector';

export function Inspector() {
  const server = useZoo((state) => state.selectedServer);
  const client = useZoo((state) => state.selectedClient);
  const znode = useZoo((state) => state.selectedZnode);
  const message = useZoo((state) => state.selectedMessage);
  const t = useTranslate();
  if (server !== null) return <ServerInspector id={server} />;
  if (client !== null) return <ClientInspector id={client} />;
  if (znode !== null) return <ZnodeInspector path={znode} />;
  if (message !== null) return <MessageInspector id={message} />;
  return (
    <section className="panel inspector" aria-labelledby="inspector-title">
      <h2 id="inspector-title">{t('inspector.title')}</h2>
      <p className="hint">{t('inspector.empty')}</p>
      <p className="hint">{t('message.hint')}</p>
    </section>
  );
}
