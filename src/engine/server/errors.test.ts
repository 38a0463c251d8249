import { describe, expect, it } from 'vitest';
import { ERROR_CODES, errorCode, errorName, isErrorName } from './errors';

// KeeperException.Code: names and numbers as the oracle prints them.
describe('errors', () => {
  it('maps the codes the realzk examples show', () => {
    expect(errorCode('NONODE')).toBe(-101);
    expect(errorCode('NODEEXISTS')).toBe(-110);
    expect(errorCode('BADVERSION')).toBe(-103);
    expect(errorCode('NOTEMPTY')).toBe(-111);
    expect(errorCode('NOCHILDRENFOREPHEMERALS')).toBe(-108);
    expect(errorCode('BADARGUMENTS')).toBe(-8);
    expect(errorCode('RUNTIMEINCONSISTENCY')).toBe(-2);
    expect(errorCode('CONNECTIONLOSS')).toBe(-4);
    expect(errorCode('NOWATCHER')).toBe(-121);
  });
  it('round-trips every code and rejects unknown ones', () => {
    for (const [name, code] of Object.entries(ERROR_CODES)) expect(errorName(code)).toBe(name);
    expect(errorName(-9999)).toBeNull();
    expect(isErrorName('NOAUTH')).toBe(true);
    expect(isErrorName('toString')).toBe(false);
  });
});
