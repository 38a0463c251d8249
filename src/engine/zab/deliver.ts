// Delivering a committed txn (FinalRequestProcessor): apply it, report it, answer its client.
import { replyToOrigin } from './clients';
import type { ZabContext } from './context';
import type { LogEntry } from './state';
import { applySilently } from './txnlog';

/** Applies a txn known to be committed, in zxid order, and answers the client if local. */
export function deliverCommitted(context: ZabContext, entry: LogEntry): void {
  const { state, effects } = context;
  const result = applySilently(context, entry);
  state.lastCommittedZxid = Math.max(state.lastCommittedZxid, entry.zxid);
  effects.trace({ type: 'commit', t: effects.nowMs, server: state.id, zxid: entry.zxid });
  replyToOrigin(context, entry, result);
}
