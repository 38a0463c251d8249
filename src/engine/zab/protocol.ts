// createZabProtocol: ZooKeeper's quorum peer (FLE + Zab) as a ServerProtocol for the world.
import type { Effects, NodeInput, ProtocolOptions, ServerProtocol } from '../sim/actor';
import type { EndpointId } from '../sim/network';
import type { ZabContext } from './context';
import type { AnyMachine, ReplicatedMachine } from './machine';
import { resolveZabOptions, type ZabOptions } from './options';
import { isZabPayload, labelOf, type ZabPayload } from './packets';
import type { ServerLayer } from './layer';
import { stepZab } from './peer';
import type { DiskState, ElectionState, ZabServerState } from './state';
import { summarizeServer } from './view';
import { isServingState } from './serving';
import { describePayload } from './describe';
import { judgeNotification } from './judge-vote';

function freshElection(id: EndpointId): ElectionState {
  return {
    logicalClock: 0,
    proposal: { leader: id, zxid: 0, peerEpoch: 0 },
    currentVote: { leader: id, zxid: 0, electionEpoch: -1, peerEpoch: 0, state: 'LOOKING', version: 0 },
    recvset: [],
    outofelection: [],
    notTimeoutMs: 0,
    finalizing: false,
    running: false,
    selfQueue: [],
  };
}

/** The memory part of a server, empty: what a process has before it loads its data directory. */
function volatilePart<Db, Txn>(id: EndpointId, db: Db): Omit<ZabServerState<Db, Txn>, 'id' | 'config' | 'disk'> {
  return {
    running: false,
    role: 'LOOKING',
    phase: 'ELECTION',
    db,
    lastProcessedZxid: 0,
    lastCommittedZxid: 0,
    committedLog: [],
    committedLogStart: 0,
    unsynced: [],
    txnsSinceSnapshot: 0,
    snapshotThreshold: 0,
    election: freshElection(id),
    leader: null,
    learner: null,
    clients: [],
    violations: [],
    local: null,
  };
}

/**
 * Builds the Zab server protocol over a replicated state machine. Servers must receive
 * {type:'start'} to boot (first boot and every restart). `options.observers` lists the
 * observer ids; every other peer (and the server itself) is a voter.
 */
export function createZabProtocol<Db, Request, Txn, Result>(
  machine: ReplicatedMachine<Db, Request, Txn, Result>,
  options: Partial<ZabOptions> = {},
  layer: ServerLayer | null = null,
): ServerProtocol<ZabServerState<Db, Txn>, ZabPayload<Db, Request, Txn, Result>> {
  const resolved = resolveZabOptions(options);
  const anyMachine = machine as unknown as AnyMachine;
  const describeTxn = anyMachine.describeTxn?.bind(anyMachine);
  const describeRequest = anyMachine.describeRequest?.bind(anyMachine);
  // One context reused for every step (steps never nest; if one ever did, it gets its own):
  // no per-packet context object, and its layer context is made once.
  let spare: ZabContext | null = null;
  return {
    name: 'zab',
    create(id: EndpointId, peers: readonly EndpointId[], protocolOptions: ProtocolOptions): ZabServerState<Db, Txn> {
      const spares = protocolOptions.spares ?? [];
      // Members know each other; a spare (a joiner) knows the members and itself as a participant.
      const all = [...peers, id].filter((peer, index, list) => list.indexOf(peer) === index && (!spares.includes(peer) || peer === id)).sort((a, b) => a - b);
      const config = {
        tickMs: protocolOptions.tickMs,
        initLimit: protocolOptions.initLimit,
        syncLimit: protocolOptions.syncLimit,
        voters: all.filter((peer) => !protocolOptions.observers.includes(peer)),
        observers: all.filter((peer) => protocolOptions.observers.includes(peer)),
        version: 0,
      };
      // An empty dataDir starts from an empty tree at zxid 0 with an initial snapshot (FileTxnSnapLog.restore).
      const disk: DiskState<Db, Txn> = { log: [], snapshots: [{ zxid: 0, db: machine.initial() }], acceptedEpoch: 0, currentEpoch: 0, connectionsOpened: 0 };
      return { id, config, disk, ...volatilePart<Db, Txn>(id, machine.initial()) };
    },
    step(state, input, effects) {
      let context = spare;
      spare = null;
      if (context === null) {
        context = { state: state as unknown as ZabServerState, machine: anyMachine, options: resolved, effects: effects as unknown as Effects<ZabPayload>, layer };
      } else {
        context.state = state as unknown as ZabServerState;
        context.effects = effects as unknown as Effects<ZabPayload>;
      }
      try {
        stepZab(context, input as unknown as NodeInput<ZabPayload>);
      } finally {
        spare = context;
      }
    },
    crash(state) {
      // Only the data directory survives; the violations record is kept for the checkers.
      const survivor: ZabServerState<Db, Txn> = { id: state.id, config: state.config, disk: state.disk, ...volatilePart<Db, Txn>(state.id, machine.initial()) };
      survivor.violations = state.violations;
      return survivor;
    },
    label(payload) {
      if (layer !== null && !isZabPayload(payload as ZabPayload)) return layer.label(payload);
      return labelOf(payload as ZabPayload);
    },
    status(state) {
      const zab = state as unknown as ZabServerState;
      return { role: zab.running ? zab.role : 'DOWN', epoch: zab.disk.currentEpoch, serving: isServingState(zab, resolved.bugs), appliedZxid: zab.lastProcessedZxid };
    },
    appliedZxid(state) {
      return (state as unknown as ZabServerState).lastProcessedZxid;
    },
    summarize(state) {
      return summarizeServer(state as unknown as ZabServerState, describeTxn);
    },
    describe(payload) {
      if (!isZabPayload(payload as ZabPayload)) return layer !== null ? layer.label(payload) : String((payload as { type?: unknown }).type);
      return describePayload(payload as ZabPayload, describeTxn, describeRequest);
    },
    judgeVote(receiver, payload) {
      const notification = payload as ZabPayload;
      if (notification.type !== 'NOTIFICATION') return null;
      // Judging reads the receiver's state and sends nothing: no effects are ever called.
      const context: ZabContext = { state: receiver as unknown as ZabServerState, machine: anyMachine, options: resolved, effects: null as unknown as Effects<ZabPayload>, layer };
      return judgeNotification(context, notification);
    },
  };
}
