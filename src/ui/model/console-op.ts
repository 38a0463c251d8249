// The client console's form, turned into the 'op' input action the worker runs (or a reason why
// not). Pure, so it is tested without a DOM.
import type { InputAction } from '../../engine/world';
import type { ClientOpName, CreateModeName, MultiSubOp } from '../../engine/scenario/types';

export const CONSOLE_OPS = ['create', 'getData', 'exists', 'setData', 'delete', 'getChildren', 'sync', 'multi', 'close'] as const;
export type ConsoleOp = (typeof CONSOLE_OPS)[number] & ClientOpName;

export const CREATE_MODES: readonly CreateModeName[] = ['PERSISTENT', 'EPHEMERAL', 'PERSISTENT_SEQUENTIAL', 'EPHEMERAL_SEQUENTIAL', 'CONTAINER'];

export interface ConsoleForm {
  client: string;
  op: ConsoleOp;
  path: string;
  data: string;
  mode: CreateModeName;
  /** Empty: any version (-1). */
  version: string;
  watch: boolean;
}

/** Which fields an op uses. */
export function opFields(op: ConsoleOp): { path: boolean; data: boolean; mode: boolean; version: boolean; watch: boolean; json: boolean } {
  return {
    path: op !== 'close' && op !== 'multi',
    data: op === 'create' || op === 'setData' || op === 'multi',
    mode: op === 'create',
    version: op === 'setData' || op === 'delete',
    watch: op === 'getData' || op === 'exists' || op === 'getChildren',
    json: op === 'multi',
  };
}

export type BuiltOp = { ok: true; action: InputAction } | { ok: false; error: 'noClient' | 'badPath' | 'badVersion' | 'badJson' };

/** The action for a filled form. */
export function buildOp(form: ConsoleForm): BuiltOp {
  if (!form.client) return { ok: false, error: 'noClient' };
  const fields = opFields(form.op);
  const action: InputAction = { kind: 'op', client: form.client, op: form.op };
  if (fields.path) {
    const path = form.path.trim();
    if (!path.startsWith('/')) return { ok: false, error: 'badPath' };
    action.path = path;
  }
  if (fields.json) {
    try {
      const ops = JSON.parse(form.data) as unknown;
      if (!Array.isArray(ops) || ops.some((sub) => typeof sub !== 'object' || sub === null || typeof (sub as MultiSubOp).path !== 'string')) {
        return { ok: false, error: 'badJson' };
      }
      action.ops = ops as MultiSubOp[];
    } catch {
      return { ok: false, error: 'badJson' };
    }
  } else if (fields.data) {
    action.data = form.data;
  }
  if (fields.mode) action.mode = form.mode;
  if (fields.version) {
    const text = form.version.trim();
    const version = text === '' ? -1 : Number(text);
    if (!Number.isInteger(version) || version < -1) return { ok: false, error: 'badVersion' };
    action.version = version;
  }
  if (fields.watch && form.watch) action.watch = true;
  return { ok: true, action };
}
