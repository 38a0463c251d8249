// The 1 MB limit. ZooKeeper has no per-znode data check: a request packet longer than
// jute.maxbuffer (0xfffff bytes by default) makes the server close the connection
// (NIOServerCnxn.readLength / BinaryInputArchive), so the client sees CONNECTIONLOSS and nothing
// is prepared. These functions give the jute-encoded length of a write request so the engine
// can apply the same rule.

import type { Acl } from './acl';
import type { MultiSubOp, WriteOp } from './txn';
import { dataByteLength } from './data';
import { utf8ByteLength } from './utf8';

/** jute.maxbuffer default. */
export const JUTE_MAX_BUFFER_BYTES = 0xfffff;

const INT_BYTES = 4;
const REQUEST_HEADER_BYTES = 2 * INT_BYTES; // xid, type
const MULTI_HEADER_BYTES = 2 * INT_BYTES + 1; // type, done (boolean), err

// jute ustring / buffer: int length, then the bytes (-1 length for null).
function stringBytes(text: string | null): number {
  return INT_BYTES + (text === null ? 0 : utf8ByteLength(text));
}

// jute buffer: int length, then the stored bytes (-1 length for null).
function dataBytes(data: string | null): number {
  return INT_BYTES + dataByteLength(data);
}

function aclBytes(acl: readonly Acl[]): number {
  return INT_BYTES + acl.reduce((sum, entry) => sum + INT_BYTES + stringBytes(entry.scheme) + stringBytes(entry.id), 0);
}

function subOpBytes(op: MultiSubOp): number {
  switch (op.type) {
    case 'create': return stringBytes(op.path) + dataBytes(op.data) + aclBytes(op.acl) + INT_BYTES + (op.ttlMs === undefined ? 0 : 8);
    case 'delete': return stringBytes(op.path) + INT_BYTES;
    case 'setData': return stringBytes(op.path) + dataBytes(op.data) + INT_BYTES;
    case 'check': return stringBytes(op.path) + INT_BYTES;
  }
}

/** Length of the request packet (without its own 4-byte length prefix), as the server's length check sees it. */
export function requestPacketBytes(op: WriteOp): number {
  switch (op.type) {
    case 'multi':
      return REQUEST_HEADER_BYTES + op.ops.reduce((sum, sub) => sum + MULTI_HEADER_BYTES + subOpBytes(sub), 0) + MULTI_HEADER_BYTES;
    case 'setACL':
      return REQUEST_HEADER_BYTES + stringBytes(op.path) + aclBytes(op.acl) + INT_BYTES;
    case 'create': case 'delete': case 'setData': case 'check':
      return REQUEST_HEADER_BYTES + subOpBytes(op);
    default:
      return REQUEST_HEADER_BYTES;
  }
}

/** True when the server would drop the connection instead of answering (client: CONNECTIONLOSS). */
export function exceedsPacketLimit(op: WriteOp, maxBufferBytes = JUTE_MAX_BUFFER_BYTES): boolean {
  return requestPacketBytes(op) > maxBufferBytes;
}
