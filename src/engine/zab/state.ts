// The state of one Zab server, as plain data. `disk` is what survives a crash (txn log,
// snapshots, the acceptedEpoch/currentEpoch files); everything else is memory.
import type { EndpointId } from '../sim/network';
import type { PeerState, RequestOrigin } from './packets';

export type ZabRole = PeerState;

/** QuorumPeer.ZabState. */
export type ZabPhase = 'ELECTION' | 'DISCOVERY' | 'SYNCHRONIZATION' | 'BROADCAST';

/** One txn as logged (TxnHeader + record): zxid, the txn, and who asked for it. */
export interface LogEntry<Txn = unknown> {
  zxid: number;
  txn: Txn;
  origin: RequestOrigin | null;
}

/** A snapshot (snapshot.<zxid>): the db as it was when lastProcessedZxid = zxid. */
export interface Snapshot<Db = unknown> {
  zxid: number;
  db: Db;
}

/** The data directory. */
export interface DiskState<Db = unknown, Txn = unknown> {
  /** The txn log, strictly increasing zxids; it does not mark commits (FileTxnLog). */
  log: LogEntry<Txn>[];
  /** Oldest first; at least one (an empty dataDir gets an initial empty snapshot at zxid 0). */
  snapshots: Snapshot<Db>[];
  acceptedEpoch: number;
  currentEpoch: number;
  /** Not ZooKeeper state: the host's count of TCP connections opened, so that a connection is
   * never mistaken for an older one even across restarts (the kernel never reuses a live 4-tuple). */
  connectionsOpened: number;
}

/** Ensemble settings the server was created with. */
export interface ZabConfig {
  tickMs: number;
  initLimit: number;
  syncLimit: number;
  voters: EndpointId[];
  observers: EndpointId[];
  /** Version of the membership (the zxid of the reconfig that made it; 0 for the static one). */
  version: number;
}

/** A membership: who votes, who observes, and its version (QuorumVerifier). */
export interface MemberConfig {
  voters: EndpointId[];
  observers: EndpointId[];
  version: number;
}

/** A vote: (leader, zxid, peerEpoch) plus the round that made it (Vote.java). */
export interface Vote {
  leader: number;
  zxid: number;
  electionEpoch: number;
  peerEpoch: number;
  state: PeerState;
  /** 0 for votes built locally, 2 for votes read from a notification (Vote.version). */
  version: number;
}

/** A received vote, per sender sid, kept sorted by sid. */
export interface ReceivedVote {
  sid: number;
  vote: Vote;
}

/** FastLeaderElection's memory. */
export interface ElectionState {
  /** The election round (logicalclock); survives role changes, not crashes. */
  logicalClock: number;
  /** The vote this server currently proposes while LOOKING. */
  proposal: { leader: number; zxid: number; peerEpoch: number };
  /** The vote this server settled on (QuorumPeer.currentVote): answered to LOOKING peers. */
  currentVote: Vote;
  recvset: ReceivedVote[];
  outofelection: ReceivedVote[];
  notTimeoutMs: number;
  /** True inside the finalizeWait window after a quorum agreed with the proposal. */
  finalizing: boolean;
  /** lookForLeader is running (false while an observer waits out its re-election delay). */
  running: boolean;
  /** Notifications sent to myself (loopback), handled after the current input. */
  selfQueue: Vote[];
}

/** A proposal the leader has sent and not yet committed (Leader.Proposal). */
export interface OutstandingProposal<Txn = unknown> {
  zxid: number;
  txn: Txn;
  origin: RequestOrigin | null;
  /** Voters that have acked (the leader included once it logged it), sorted. */
  acks: EndpointId[];
  /** While a reconfig is pending: the next membership, whose quorum is needed too. */
  nextConfig: MemberConfig | null;
}

export type LearnerHandlerStage =
  /** FOLLOWERINFO received; waiting for the epoch to be decided. */
  | 'AWAIT_EPOCH'
  /** LEADERINFO sent; waiting for ACKEPOCH. */
  | 'AWAIT_ACKEPOCH'
  /** ACKEPOCH received; waiting for a quorum of epoch acks before syncing. */
  | 'AWAIT_EPOCH_QUORUM'
  /** Sync packets and NEWLEADER sent; waiting for the learner's ACK of NEWLEADER. */
  | 'AWAIT_NEWLEADER_ACK'
  /** NEWLEADER acked; waiting for the leader to start serving before UPTODATE. */
  | 'AWAIT_STARTUP'
  /** UPTODATE sent: live traffic. */
  | 'BROADCAST';

/** The leader's side of one learner connection (LearnerHandler). */
export interface LearnerHandlerState {
  sid: EndpointId;
  connection: number;
  isObserver: boolean;
  stage: LearnerHandlerStage;
  learnerAcceptedEpoch: number;
  /** The learner's last logged zxid, from ACKEPOCH (-1 before). */
  peerLastZxid: number;
  /** Sync packets are queued: pings may flow (sendingThreadStarted). */
  syncStarted: boolean;
  /** Receives live PROPOSAL/COMMIT (participant) or INFORM (observer): Leader.startForwarding. */
  forwarding: boolean;
  /** The learner counts as synced while leader tick <= this (LearnerHandler.synced). */
  tickOfNextAckDeadline: number;
  /** Proposals sent and not yet acked, for the syncLimit ACK timeout (SyncLimitCheck). */
  unacked: { zxid: number; sentMs: number }[];
}

/** Leader.java memory while LEADING. */
export interface LeaderState<Db = unknown, Txn = unknown> {
  /** The epoch to propose: 1 + the largest acceptedEpoch seen; final once waitingForNewEpoch ends. */
  epoch: number;
  waitingForNewEpoch: boolean;
  /** Participants that connected during discovery, the leader included (sorted). */
  connectingFollowers: EndpointId[];
  /** Participants that acked the new epoch (electingFollowers), the leader included. */
  electingFollowers: EndpointId[];
  /** Participants that acked NEWLEADER, the leader included. */
  newLeaderAcks: EndpointId[];
  /** (currentEpoch, lastZxid) of the leader when it started leading (leaderStateSummary). */
  summaryEpoch: number;
  summaryZxid: number;
  handlers: LearnerHandlerState[];
  outstanding: OutstandingProposal<Txn>[];
  lastProposedZxid: number;
  /** The db as it will be after every outstanding proposal commits; null before BROADCAST. */
  speculativeDb: Db | null;
  /** Leader ticks (QuorumPeer.tick), counted in BROADCAST only. */
  tick: number;
  tickSkip: boolean;
  /** sync() requests waiting for the proposal that was last when they arrived to commit. */
  pendingSyncs: { zxid: number; origin: RequestOrigin }[];
  /** The reconfig proposed and not yet committed (only one at a time). */
  pendingReconfig: { zxid: number; config: MemberConfig } | null;
}

export type LearnerStage =
  /** FOLLOWERINFO/OBSERVERINFO sent; waiting for LEADERINFO. */
  | 'REGISTERING'
  /** ACKEPOCH sent; waiting for DIFF/TRUNC/SNAP. */
  | 'AWAIT_SYNC_MODE'
  /** Receiving the sync stream until NEWLEADER. */
  | 'SYNCING'
  /** NEWLEADER acked; waiting for UPTODATE. */
  | 'AWAIT_UPTODATE'
  /** Serving clients; live traffic. */
  | 'BROADCAST';

/** Follower/Observer memory (Learner.java, syncWithLeader's locals included). */
export interface LearnerState<Txn = unknown> {
  leaderId: EndpointId;
  connection: number;
  /** Connection attempts so far (connectToLeader tries up to 5 times, 100 ms apart). */
  connectAttempts: number;
  stage: LearnerStage;
  newEpoch: number;
  /** Sync mode received (DIFF/TRUNC/SNAP); DIFF logs what it gets, TRUNC/SNAP snapshot it. */
  syncMode: 'DIFF' | 'TRUNC' | 'SNAP' | null;
  snapshotNeeded: boolean;
  writeToTxnLog: boolean;
  packetsNotLogged: LogEntry<Txn>[];
  packetsCommitted: number[];
  /** Broadcast: proposals logged (or being logged) and not yet committed (pendingTxns). */
  pendingTxns: LogEntry<Txn>[];
  lastQueuedZxid: number;
}

/** One server. */
export interface ZabServerState<Db = unknown, Txn = unknown> {
  id: EndpointId;
  config: ZabConfig;
  disk: DiskState<Db, Txn>;
  /** False between a crash and the next 'start'. */
  running: boolean;
  role: ZabRole;
  phase: ZabPhase;
  /** The in-memory database and the zxid of the last txn applied to it. */
  db: Db;
  lastProcessedZxid: number;
  /** The last zxid this server knows is committed (what its clients can see). */
  lastCommittedZxid: number;
  /** The last committed txns applied (ZKDatabase.committedLog), oldest first, from index
   * committedLogStart on (see committedWindow): entries before it have left the window (they are cut off in batches). */
  committedLog: LogEntry<Txn>[];
  /** Where the window starts in committedLog. The front is cut off in batches, not an entry per
   * commit: shifting a 500-entry array on every commit was the run's single hottest line. */
  committedLogStart: number;
  /** Logged but not yet fsynced (group commit); lost on a crash. */
  unsynced: LogEntry<Txn>[];
  txnsSinceSnapshot: number;
  snapshotThreshold: number;
  election: ElectionState;
  leader: LeaderState<Db, Txn> | null;
  learner: LearnerState<Txn> | null;
  /** Client endpoints connected to this server, sorted. */
  clients: EndpointId[];
  /** "Impossible" events seen (ShouldNotBeTriggered flags); a checker reports them. */
  violations: string[];
  /** The client-facing layer's memory (connections, watches, session tracker); lost on a crash. */
  local: unknown;
}
