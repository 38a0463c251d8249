// The client console: pick a client and an op, fill in path / data / version, Send. The op goes to
// the worker as an 'act' command (so it enters the input log and the share link); its outcome
// shows under the form and in the event list.
import { useEffect, useState, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useServices } from '../app-context';
import type { MessageKey } from '../i18n/en';
import { useTranslate } from '../i18n/use-translate';
import { buildOp, CONSOLE_OPS, CREATE_MODES, opFields, type ConsoleForm, type ConsoleOp } from '../model/console-op';
import { describeRecord } from '../model/describe-record';
import { useZoo } from '../store';

const ERRORS: Record<string, MessageKey> = {
  noClient: 'console.error.noClient', badPath: 'console.error.badPath', badVersion: 'console.error.badVersion', badJson: 'console.error.badJson',
};
const MULTI_EXAMPLE = '[{"op":"create","path":"/a","data":"1"},{"op":"setData","path":"/a","data":"2"}]';

export function ClientConsole() {
  const { client: worker } = useServices();
  const t = useTranslate();
  const clients = useZoo(useShallow((state) => state.view?.clients.map((client) => client.id) ?? []));
  const selected = useZoo((state) => state.selectedClient);
  const [form, setForm] = useState<Omit<ConsoleForm, 'client'>>({ op: 'create', path: '/app', data: 'hello', mode: 'EPHEMERAL', version: '', watch: true });
  const [picked, setPicked] = useState<string | null>(null);
  const [problem, setProblem] = useState<MessageKey | null>(null);
  useEffect(() => setPicked(null), [selected]); // selecting a client on the ring picks it here
  const clientId = (picked !== null && clients.includes(picked) ? picked : null) ?? (selected !== null && clients.includes(selected) ? selected : clients[0] ?? '');
  const last = useZoo((state) => {
    for (let index = state.events.length - 1; index >= 0; index--) {
      const record = state.events[index]!;
      if (record.type === 'op' && record.client === clientId) return record;
    }
    return null;
  });
  const fields = opFields(form.op);
  const change = (patch: Partial<typeof form>): void => { setForm({ ...form, ...patch }); setProblem(null); };
  const send = (event: FormEvent): void => {
    event.preventDefault();
    const built = buildOp({ ...form, client: clientId });
    if (!built.ok) { setProblem(ERRORS[built.error]!); return; }
    setProblem(null);
    void worker.act(built.action);
  };

  return (
    <form className="panel console" data-testid="console" onSubmit={send} aria-labelledby="console-title">
      <h2 id="console-title">{t('console.title')}</h2>
      {clients.length === 0 ? <p className="hint">{t('console.noClients')}</p> : (<>
        <div className="console-row">
          <select data-testid="console-client" aria-label={t('console.client')} value={clientId} onChange={(event) => setPicked(event.target.value)}>
            {clients.map((id) => <option key={id} value={id}>{id}</option>)}
          </select>
          <select data-testid="console-op" aria-label={t('console.op')} value={form.op} onChange={(event) => change({ op: event.target.value as ConsoleOp })}>
            {CONSOLE_OPS.map((op) => <option key={op} value={op}>{op}</option>)}
          </select>
          {fields.mode && (
            <select data-testid="console-mode" aria-label="mode" value={form.mode} onChange={(event) => change({ mode: event.target.value as ConsoleForm['mode'] })}>
              {CREATE_MODES.map((mode) => <option key={mode} value={mode}>{mode}</option>)}
            </select>
          )}
        </div>
        <div className="console-row">
          {fields.path && <input data-testid="console-path" aria-label={t('console.path')} placeholder="/path" value={form.path} onChange={(event) => change({ path: event.target.value })} />}
          {fields.data && !fields.json && <input data-testid="console-data" aria-label={t('console.data')} placeholder={t('console.data')} value={form.data} onChange={(event) => change({ data: event.target.value })} />}
          {fields.version && <input data-testid="console-version" className="is-short" aria-label="version" placeholder={t('console.anyVersion')} value={form.version} onChange={(event) => change({ version: event.target.value })} />}
          {fields.watch && (
            <label className="toggle"><input type="checkbox" data-testid="console-watch" checked={form.watch} onChange={(event) => change({ watch: event.target.checked })} />watch</label>
          )}
        </div>
        {fields.json && <textarea data-testid="console-data" aria-label={t('console.ops')} rows={3} placeholder={MULTI_EXAMPLE} value={form.data} onChange={(event) => change({ data: event.target.value })} />}
        <div className="console-row">
          <button type="submit" className="button is-primary" data-testid="console-send">{t('console.send')}</button>
          <output className={`console-result${problem ? ' is-problem' : ''}`} data-testid="console-result">
            {problem ? t(problem) : last ? describeRecord(last, t) : ''}
          </output>
        </div>
      </>)}
    </form>
  );
}
