// One line of text per trace record, for the recent-events list.
import type { TraceRecord } from '../../engine/sim/trace';
import { formatZxidPair } from '../../engine/sim/format';
import type { Translate } from '../i18n/translate';

/** Records that tell the story (the rest are message traffic). */
export function isStoryRecord(record: TraceRecord): boolean {
  return record.type !== 'send' && record.type !== 'deliver';
}

/** Names an endpoint: a server's number, or a client's label (see model/clients endpointNamer). */
export type EndpointNamer = (id: number) => string;

const RESULT_SHOWN_MAX = 48;

function statText(stat: unknown): string {
  if (stat === null) return 'null';
  if (typeof stat !== 'object' || stat === undefined) return '';
  const fields = stat as Record<string, unknown>;
  return typeof fields.version === 'number' ? `v${fields.version}` : '';
}

function clip(text: string): string {
  return text.length > RESULT_SHOWN_MAX ? `${text.slice(0, RESULT_SHOWN_MAX)}…` : text;
}

/** A short text for an op's result: the created path, the data, the children, the stat's version. */
export function summarizeResult(result: unknown): string {
  if (result === null || result === undefined) return '';
  if (typeof result !== 'object' || Array.isArray(result)) return clip(JSON.stringify(result) ?? '');
  const fields = result as Record<string, unknown>;
  const parts: string[] = [];
  if (typeof fields.path === 'string') parts.push(fields.path);
  if ('data' in fields) parts.push(fields.data === null ? 'null' : JSON.stringify(fields.data));
  if (Array.isArray(fields.children)) parts.push(`[${fields.children.join(', ')}]`);
  if (Array.isArray(fields.results)) parts.push(`[${fields.results.map((sub) => summarizeResult(sub) || '·').join(' | ')}]`);
  if ('stat' in fields) parts.push(statText(fields.stat));
  const known = new Set(['type', 'err', 'path', 'data', 'children', 'stat', 'results']);
  if (parts.length === 0 && Object.keys(fields).some((key) => !known.has(key))) return clip(JSON.stringify(result) ?? '');
  return clip(parts.filter(Boolean).join(' '));
}

/** A short, readable description of a record in the chosen language. */
export function describeRecord(record: TraceRecord, t: Translate, endpoint: EndpointNamer = String): string {
  switch (record.type) {
    case 'send':
      return t('event.send', { from: endpoint(record.from), to: endpoint(record.to), label: record.label });
    case 'deliver':
      return t('event.deliver', { from: endpoint(record.from), to: endpoint(record.to), label: record.label });
    case 'drop':
      return t('event.drop', { from: endpoint(record.from), to: endpoint(record.to), label: record.label, reason: record.reason });
    case 'role':
      return t('event.role', { server: record.server, role: record.role, epoch: record.epoch });
    case 'commit':
      return t('event.commit', { server: record.server, zxid: formatZxidPair(record.zxid) });
    case 'fault': {
      const { fault, ...rest } = record.action;
      const fields = Object.entries(rest).map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`).join(' ');
      return t('event.fault', { fault: `${String(fault)}${fields ? ` ${fields}` : ''}` });
    }
    case 'note':
      return t('event.note', { node: record.node, text: record.text });
    case 'op': {
      const { op, err, zxid, result } = record.outcome;
      const path = typeof op.path === 'string' ? ` ${op.path}` : '';
      const shown = err === 'OK' ? summarizeResult(result) : '';
      const at = zxid !== null && zxid > 0 && err === 'OK' && op.op !== 'getData' && op.op !== 'exists' && op.op !== 'getChildren' ? ` @${formatZxidPair(zxid)}` : '';
      return t('event.op', { client: record.client, op: `${op.op}${path} → ${err}${at}${shown ? ` ${shown}` : ''}` });
    }
    case 'watch':
      return t('event.watch', { client: record.client, event: record.event, path: record.path });
    case 'client':
      return record.server === null
        ? t('event.client', { client: record.client, state: record.state })
        : t('event.clientAt', { client: record.client, state: record.state, server: record.server });
    case 'actor': {
      const fields = Object.entries(record.fields).map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`).join(' ');
      return t('event.actor', { actor: record.actor, event: record.event, fields: clip(fields) });
    }
    default: {
      // Newer record kinds (recipe actors…): their type and fields.
      const { type, t: _time, ...rest } = record as { type: string; t: number } & Record<string, unknown>;
      return t('event.other', { type, fields: summarizeResult(rest) });
    }
  }
}
