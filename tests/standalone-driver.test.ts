// The client-library behaviour the standalone driver plays (node-zookeeper-client 1.1.3 under the
// realzk oracle) where no golden trace can hold it: an oracle-level error is not recordable.
// Recorded by hand against the same ZooKeeper 3.8.0 build: a multi whose sub-op path fails the
// library's Path.validate is refused by oracle.mjs itself (ORACLE_ERROR, counted in oracleErrors).

import { describe, expect, it } from 'vitest';
import { runOpList } from './helpers/standalone-driver';
import { clientPathProblem } from '../src/engine/client/requests';

describe('standalone driver: client library behaviour', () => {
  it('Path.validate messages, in the library\'s order of checks', () => {
    expect(clientPathProblem('')).toBe('Node path must be a non-empty string.');
    expect(clientPathProblem(undefined)).toBe('Node path must be a non-empty string.');
    expect(clientPathProblem('noslash')).toBe('Node path must start with / character.');
    expect(clientPathProblem('/')).toBeNull();
    expect(clientPathProblem('/a/')).toBe('Node path must not end with / character.');
    expect(clientPathProblem('/a//b')).toBe('Node path must not contain empty node name.');
    expect(clientPathProblem('/a/.')).toBe('Node path must not contain relative path(s).');
    expect(clientPathProblem('/a/../b')).toBe('Node path must not contain relative path(s).');
    expect(clientPathProblem('/a/.b')).toBeNull();
    expect(clientPathProblem('/n\u0000ul')).toBeNull(); // no character checks: the server answers BADARGUMENTS
  });
  it('a multi sub-op with a bad path is an ORACLE_ERROR line, counted in the done line', () => {
    const lines = runOpList([{ client: 'c1', op: 'multi', ops: [{ op: 'create', path: '/m/' }] }]);
    expect(lines.map((line) => JSON.stringify(line))).toEqual([
      '{"i":0,"client":"c1","op":"connect","err":"OK","code":0,"timeout":30000,"implicit":true}',
      '{"i":0,"client":"c1","op":"multi","err":"ORACLE_ERROR","code":null,"message":"Node path must not end with / character."}',
      '{"done":true,"ops":1,"events":0,"oracleErrors":1,"aborted":false}',
    ]);
  });
});
