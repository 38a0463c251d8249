// The faults that apply to one server, as buttons. Each one goes to the worker as an 'act'
// command, so it enters the input log (and the share link).
import type { ServerView } from '../../engine/world/view';
import type { MessageKey } from '../i18n/en';
import { useServices } from '../app-context';
import { useTranslate } from '../i18n/use-translate';

type ServerFault = 'crash' | 'restart' | 'isolate' | 'pause' | 'resume';

const LABELS: Record<ServerFault, MessageKey> = {
  crash: 'action.crash', restart: 'action.restart', isolate: 'action.isolate', pause: 'action.pause', resume: 'action.resume',
};

/** Which faults make sense for a server in this state. */
export function applicableFaults(server: ServerView): ServerFault[] {
  if (!server.alive) return ['restart'];
  const faults: ServerFault[] = ['crash', 'isolate'];
  faults.push(server.paused ? 'resume' : 'pause');
  return faults;
}

export function ServerActions({ server }: { server: ServerView }) {
  const { client } = useServices();
  const t = useTranslate();
  return (
    <div className="action-row">
      {applicableFaults(server).map((fault) => (
        <button
          key={fault}
          type="button"
          className={`button${fault === 'crash' ? ' is-danger' : ''}`}
          data-testid={`action-${fault}`}
          onClick={() => void client.act({ kind: 'fault', fault, server: server.id })}
        >
          {t(LABELS[fault])}
        </button>
      ))}
    </div>
  );
}
