import { describe, expect, it } from 'vitest';
import { childName, isValidPath, joinPath, parentPath, pathAndAncestors, pathProblem } from './path';

// PathUtils.validatePath (facts 4.1).
describe('pathProblem', () => {
  it('accepts ordinary paths and the root', () => {
    for (const path of ['/', '/a', '/a/b', '/a.b', '/...', '/a/.b', '/zookeeper', '/a b', '/日本']) expect(pathProblem(path)).toBeNull();
  });
  it('rejects empty, relative, trailing slash and empty components', () => {
    expect(pathProblem('')).toMatch(/length/);
    expect(pathProblem('a')).toMatch(/start with \//);
    expect(pathProblem('/a/')).toMatch(/end with \//);
    expect(pathProblem('/a//b')).toMatch(/empty node name/);
  });
  it('rejects "." and ".." components but not names containing dots', () => {
    for (const path of ['/.', '/..', '/a/.', '/a/..', '/a/./b', '/a/../b']) expect(pathProblem(path)).toMatch(/relative/);
    for (const path of ['/a..', '/..a', '/.a.']) expect(pathProblem(path)).toBeNull();
  });
  it('rejects NUL and the forbidden character ranges', () => {
    for (const unit of [0x0, 0x1, 0x1f, 0x7f, 0x9f, 0xd800, 0xe000, 0xf8ff, 0xfff0, 0xffff]) {
      expect(pathProblem('/a' + String.fromCharCode(unit))).not.toBeNull();
    }
    for (const unit of [0x20, 0x7e, 0xa0, 0xf900, 0xffef]) expect(pathProblem('/a' + String.fromCharCode(unit))).toBeNull();
  });
  it('checks sequential paths with "1" appended, so "/q/" is a legal sequential prefix', () => {
    expect(isValidPath('/q/', true)).toBe(true);
    expect(isValidPath('/q/', false)).toBe(false);
    expect(isValidPath('/q//', true)).toBe(false);
  });
});

describe('path helpers', () => {
  it('splits like DataTree (parent of a top-level node is the root)', () => {
    expect(parentPath('/a')).toBe('/');
    expect(parentPath('/a/b')).toBe('/a');
    expect(parentPath('/')).toBe('/');
    expect(parentPath('abc')).toBeNull();
    expect(childName('/a/b')).toBe('b');
    expect(joinPath('/', 'a')).toBe('/a');
    expect(joinPath('/a', 'b')).toBe('/a/b');
    expect(pathAndAncestors('/a/b')).toEqual(['/a/b', '/a', '/']);
    expect(pathAndAncestors('/')).toEqual(['/']);
  });
});
