// One line of text per trace record, for the recent-events list.
import type { TraceRecord } from '../../engine/sim/trace';
import { formatZxidPair } from '../../engine/sim/format';
import type { Translate } from '../i18n/translate';

/** Records that tell the story (the rest are message traffic). */
export function isStoryRecord(record: TraceRecord): boolean {
  return record.type !== 'send' && record.type !== 'deliver';
}

function endpoint(id: number): string {
  return String(id);
}

/** A short, readable description of a record in the chosen language. */
export function describeRecord(record: TraceRecord, t: Translate): string {
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
      const fields = Object.entries(rest).map(([key, value]) => `${key}=${JSON.stringify(value)}`).join(' ');
      return t('event.fault', { fault: `${String(fault)}${fields ? ` ${fields}` : ''}` });
    }
    case 'note':
      return t('event.note', { node: record.node, text: record.text });
    case 'op': {
      const { op, err } = record.outcome;
      const path = typeof op.path === 'string' ? ` ${op.path}` : '';
      return t('event.op', { client: record.client, op: `${op.op}${path} → ${err}` });
    }
    case 'watch':
      return t('event.watch', { client: record.client, event: record.event, path: record.path });
    case 'client':
      return t('event.client', { client: record.client, state: record.state });
  }
}
