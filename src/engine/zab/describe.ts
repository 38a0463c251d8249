// One-line descriptions of packets, for transcripts, the trace inspector and teaching text.
import type { ZabPayload } from './packets';
import { formatZxid } from './zxid';

type Describer = (value: unknown) => string;

const json: Describer = (value) => JSON.stringify(value) ?? '';

/** "PROPOSAL 0x100000001 set x=1", "NOTIFICATION LOOKING leader=3 zxid=0x0 peerEpoch=0 round=1"... */
export function describePayload(payload: ZabPayload, describeTxn: Describer = json, describeRequest: Describer = json): string {
  switch (payload.type) {
    case 'NOTIFICATION':
      if (payload.leader === Number.MIN_SAFE_INTEGER) return `NOTIFICATION ${payload.state} leader=nobody (non-voter) round=${payload.electionEpoch}`;
      return `NOTIFICATION ${payload.state} leader=${payload.leader} zxid=${formatZxid(payload.zxid)} peerEpoch=${payload.peerEpoch} round=${payload.electionEpoch}`;
    case 'FOLLOWERINFO':
    case 'OBSERVERINFO':
      return `${payload.type} acceptedEpoch=${formatZxid(payload.zxid)}`;
    case 'LEADERINFO':
      return `LEADERINFO newEpoch=${formatZxid(payload.zxid)}`;
    case 'ACKEPOCH':
      return `ACKEPOCH lastZxid=${formatZxid(payload.zxid)} currentEpoch=${payload.currentEpoch}`;
    case 'PROPOSAL':
    case 'INFORM':
      return `${payload.type} ${formatZxid(payload.zxid)} ${describeTxn(payload.txn)}`;
    case 'INFORMANDACTIVATE':
      return `INFORMANDACTIVATE ${formatZxid(payload.zxid)} ${describeTxn(payload.txn)} leader=${payload.designatedLeader}`;
    case 'COMMITANDACTIVATE':
      return `COMMITANDACTIVATE ${formatZxid(payload.zxid)} leader=${payload.designatedLeader}`;
    case 'REQUEST':
      return `REQUEST ${describeRequest(payload.request)} from client ${payload.origin.client}#${payload.origin.requestId}`;
    case 'SNAP':
      return `SNAP ${formatZxid(payload.zxid)}`;
    case 'UPTODATE':
      return 'UPTODATE';
    case 'REVALIDATE':
      return `REVALIDATE session=${payload.sessionId}`;
    case 'SYNC':
    case 'ACK':
    case 'COMMIT':
    case 'PING':
    case 'NEWLEADER':
    case 'DIFF':
    case 'TRUNC':
      return `${payload.type} ${formatZxid(payload.zxid)}`;
    case 'CLIENT_WRITE':
    case 'CLIENT_READ':
      return `${payload.type} #${payload.requestId} ${describeRequest(payload.request)}`;
    case 'CLIENT_REPLY':
      return `CLIENT_REPLY #${payload.requestId} zxid=${formatZxid(payload.zxid)} ${json(payload.result)}`;
  }
}
