// The Zab engine's public surface: what world/, worker/ and ui/ may import.
export { createZabProtocol } from './protocol';
export type { ReplicatedMachine } from './machine';
export { DEFAULT_ZAB_OPTIONS, ZAB_BUGS, resolveZabOptions, type ZabBug, type ZabOptions } from './options';
export {
  CLIENT_CHANNEL, ELECTION_CHANNEL, ZAB_CHANNEL, labelOf,
  type ClientPacket, type Notification, type PeerState, type QuorumPacket, type RequestOrigin, type ZabPayload,
} from './packets';
export type { ZabServerState, ZabRole, ZabPhase, LogEntry, Snapshot } from './state';
export { zabView, summarizeServer, type ZabServerView } from './view';
export { describePayload } from './describe';
export { formatZxid, makeZxid, zxidCounter, zxidEpoch } from './zxid';
export { planSync, type SyncPlan } from './sync';
