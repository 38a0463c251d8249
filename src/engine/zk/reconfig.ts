// Dynamic reconfiguration, the data tree's side: a reconfig request, the /zookeeper/config text
// of a membership, and reading a committed membership back from a txn (as followers do: they
// parse the SetDataTxn's data, Follower COMMITANDACTIVATE).
import type { MemberConfig } from '../zab/state';
import type { ReconfigDecision, ReconfigHooks, ReconfigRequest } from '../zab/machine';
import { CONFIG_PATH } from '../server/tree';
import type { Txn, WriteRequest } from '../server/txn';

/** The dynamic config file's text: one server line per member, then the version in hex. The
 * addresses are the simulator's names for its servers. */
export function configText(config: MemberConfig): string {
  const members = [...config.voters.map((id) => [id, 'participant'] as const), ...config.observers.map((id) => [id, 'observer'] as const)]
    .sort((left, right) => left[0] - right[0]);
  return [...members.map(([id, role]) => `server.${id}=s${id}:2888:3888:${role};2181`), `version=${config.version.toString(16)}`].join('\n');
}

/** The membership a config text describes, or null when it is not one. */
export function parseConfigText(text: string): MemberConfig | null {
  const voters: number[] = [];
  const observers: number[] = [];
  let version: number | null = null;
  for (const line of text.split('\n')) {
    const server = /^server\.(\d+)=[^:]*:\d+:\d+:(participant|observer);\d+$/.exec(line);
    if (server) (server[2] === 'observer' ? observers : voters).push(Number(server[1]));
    const versionLine = /^version=([0-9a-f]+)$/.exec(line);
    if (versionLine) version = parseInt(versionLine[1]!, 16);
  }
  return version === null || voters.length === 0 ? null : { voters, observers, version };
}

export const zooKeeperReconfig: ReconfigHooks<WriteRequest, Txn> = {
  requestOf(request): ReconfigRequest | null {
    const op = request.op;
    return op.type === 'reconfig' ? { joining: op.joining, leaving: op.leaving, fromConfig: op.fromConfig } : null;
  },
  withDecision(request, decision: ReconfigDecision): WriteRequest {
    if (request.op.type !== 'reconfig') return request;
    const attached = decision.err === null ? { err: null, configData: configText(decision.config) } : { err: decision.err };
    return { ...request, op: { ...request.op, decision: attached } };
  },
  configOf(txn): MemberConfig | null {
    return txn.op.type === 'setData' && txn.op.path === CONFIG_PATH && txn.op.data !== null ? parseConfigText(txn.op.data) : null;
  },
};
