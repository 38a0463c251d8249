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
  /** A client operation completed: the line as the oracle prints it (CONTRACT.md section 1). */
  | { type: 'op'; t: number; client: string; line: Record<string, unknown> }
  /** A watch notification reached a client. */
  | { type: 'watch'; t: number; client: string; line: Record<string, unknown> }
  /** A client's connection state changed (CONNECTING, CONNECTED, DISCONNECTED, EXPIRED, CLOSED). */
  | { type: 'client'; t: number; client: string; state: string; server: EndpointId | null; line: Record<string, unknown> | null };
