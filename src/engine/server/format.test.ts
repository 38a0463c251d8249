import { describe, expect, it } from 'vitest';
import { dataFromBase64 } from './data';
import { formatClientRejectedLine, formatConnectLine, formatData, formatExistsLine, formatLocalErrorLine, formatStat } from './format';
import type { Stat } from './stat';

const stat: Stat = { czxid: 0x100000003, mzxid: 3, ctime: 11, mtime: 12, version: 0, cversion: 0, aversion: 0, ephemeralOwner: 0x10000000001, dataLength: 1, numChildren: 0, pzxid: 3 };

// oracle.mjs fmtStat / connect / exists shapes.
describe('format', () => {
  it('prints stats with hex zxids; --stable drops times and names the owner\'s client', () => {
    const options = { stable: true, clientOfSession: { [String(0x10000000001)]: 'c1' } };
    expect(JSON.stringify(formatStat(stat, options))).toBe('{"czxid":"0x100000003","mzxid":"0x3","pzxid":"0x3","version":0,"cversion":0,"aversion":0,"ephemeralOwner":"<session c1>","ephemeralOwnerClient":"c1","dataLength":1,"numChildren":0}');
    expect(formatStat(stat, { stable: false, clientOfSession: {} })).toMatchObject({ ctime: 11, mtime: 12, ephemeralOwner: '0x10000000001', ephemeralOwnerClient: null });
    expect(formatStat({ ...stat, ephemeralOwner: 0 }, options)).toMatchObject({ ephemeralOwner: '0x0', ephemeralOwnerClient: null });
  });
  it('prints connect and missing-node exists lines like the oracle', () => {
    const stable = { stable: true, clientOfSession: {} };
    expect(JSON.stringify(formatConnectLine(0, 'c1', 30000, 5, true, stable))).toBe('{"i":0,"client":"c1","op":"connect","err":"OK","code":0,"timeout":30000,"implicit":true}');
    expect(formatConnectLine(0, 'c1', 30000, 255, false, { stable: false, clientOfSession: {} })).toMatchObject({ sessionId: '0xff' });
    expect(JSON.stringify(formatExistsLine({ i: 8, client: 'c1', op: 'exists', path: '/w' }, false, 'NONODE', 9, null, stable)))
      .toBe('{"i":8,"client":"c1","op":"exists","path":"/w","watch":false,"err":"NONODE","code":-101,"zxid":"0x9","exists":false,"stat":null}');
  });
  it('prints data as text, null or base64 like fmtData', () => {
    expect(formatData(null)).toEqual({ data: null });
    expect(formatData('')).toEqual({ data: '' });
    expect(formatData('a\u0000b')).toEqual({ data: 'a\u0000b' });
    expect(formatData(dataFromBase64('AP8Q'))).toEqual({ dataB64: 'AP8Q' });
  });
  it('prints client-side outcomes in the oracle\'s key order', () => {
    const base = { i: 3, client: 'c1', op: 'create', path: '/x' };
    expect(JSON.stringify(formatLocalErrorLine(base, 'CONNECTIONLOSS', {}, { mode: 'PERSISTENT' })))
      .toBe('{"i":3,"client":"c1","op":"create","path":"/x","err":"CONNECTIONLOSS","code":-4,"local":true,"mode":"PERSISTENT"}');
    expect(JSON.stringify(formatClientRejectedLine(base, 'Node path must not end with / character.')))
      .toBe('{"i":3,"client":"c1","op":"create","path":"/x","err":"CLIENT_REJECTED","code":null,"message":"Node path must not end with / character."}');
  });
});
