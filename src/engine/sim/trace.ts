// Trace records: what the world reports as it runs. They are output, never state: the UI
// animates them, the CLI prints them, tests read them. Every record carries its simulated time.
import type { DropReason, EndpointId } from './network';

export type ServerRole = 'LOOKING' | 'FOLLOWING' | 'LEADING' | 'OBSERVING' | 'DOWN';

export type TraceRecord =
  | { type: 'send'; t: number; id: number; from: EndpointId; to: EndpointId; label: string; sendTimeMs: number; deliverTimeMs: number; dropped: DropReason | null; retransmits: number }
  | { type: 'deliver'; t: number; id: number; from: EndpointId; to: EndpointId; label: string }
  | { type: 'drop'; t: number; id: number; from: EndpointId; to: EndpointId; label: string; reason: DropReason }
  | { type: 'role'; t: number; server: EndpointId; role: ServerRole; epoch: number }
  | { type: 'commit'; t: number; server: EndpointId; zxid: number }
  | { type: 'fault'; t: number; action: Record<string, unknown> }
  | { type: 'note'; t: number; node: EndpointId; text: string }
  /** A client operation completed (or was refused by the client library). */
  | { type: 'op'; t: number; client: string; outcome: OpOutcome }
  /** A client was handed an operation (scenario step, console action or recipe actor): the call
   * side of a history op; `seq` is its position in the world's history log (unique in the run).
   * Not printed by the CLI. */
  | { type: 'op-call'; t: number; client: string; opIndex: number; op: Record<string, unknown> & { op: string }; seq: number }
  /** A watch notification reached a client; `fired` = ops whose registrations it fired. */
  | { type: 'watch'; t: number; client: string; event: string; path: string; fired: number[]; afterOp: number }
  /** A client's connection state changed. */
  | { type: 'client'; t: number; client: string; state: string; server: EndpointId | null; sessionId: number; afterOp?: number }
  /** A recipe actor's event (CONTRACT.md section 1, "actors"): printed {"t", "actor", "event", ...fields}. */
  | { type: 'actor'; t: number; actor: string; event: string; fields: Record<string, unknown> };

/** What a client operation ended with: enough to print the oracle's line for it. */
export interface OpOutcome {
  opIndex: number;
  /** The op as given (ClientOp of the scenario). */
  op: Record<string, unknown> & { op: string };
  /** Error name (OK, NONODE...), or CLIENT_REJECTED when the library refused to send it. */
  err: string;
  /** zxid of the reply header; null when no reply came (a local result). */
  zxid: number | null;
  /** The server's answer (shape depends on the op), or null. */
  result: unknown;
  /** For connect: the negotiated timeout and the session id; for crash: the session timeout. */
  timeoutMs?: number;
  sessionId?: number;
  implicit?: boolean;
  message?: string;
}
