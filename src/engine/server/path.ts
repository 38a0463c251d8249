// Znode path rules and helpers.
// Source: zookeeper-server/.../common/PathUtils.java validatePath (client side, raised as
// IllegalArgumentException before anything is sent), and DataTree's parent/child splitting.

/**
 * Why a path is not a valid znode path, or null when it is valid. For sequential creates the
 * check is made on path + "1" (PathUtils.validatePath(path, isSequential)), so "/q/" is legal.
 */
export function pathProblem(path: string, isSequential = false): string | null {
  const checked = isSequential ? path + '1' : path;
  if (checked.length === 0) return 'Path length must be > 0';
  if (checked[0] !== '/') return 'Path must start with / character';
  if (checked.length === 1) return null; // the root
  if (checked.endsWith('/')) return 'Path must not end with / character';
  for (let index = 1; index < checked.length; index++) {
    const reason = characterProblem(checked, index);
    if (reason !== null) return `Invalid path string "${checked}" caused by ${reason} @${index}`;
  }
  return null;
}

/** True when pathProblem finds nothing. */
export function isValidPath(path: string, isSequential = false): boolean {
  return pathProblem(path, isSequential) === null;
}

// One step of PathUtils' scan: the character at index given the one before it.
function characterProblem(path: string, index: number): string | null {
  const unit = path.charCodeAt(index);
  const previous = path[index - 1];
  const next = path[index + 1];
  const endsComponent = next === undefined || next === '/';
  if (unit === 0) return 'null character not allowed';
  if (path[index] === '/' && previous === '/') return 'empty node name specified';
  if (path[index] === '.' && previous === '.') {
    return path[index - 2] === '/' && endsComponent ? 'relative paths not allowed' : null;
  }
  if (path[index] === '.') return previous === '/' && endsComponent ? 'relative paths not allowed' : null;
  if (isForbiddenUnit(unit)) return 'invalid character';
  return null;
}

// PathUtils: control characters, C1 controls, surrogates + private use area, and specials.
function isForbiddenUnit(unit: number): boolean {
  return (unit > 0x0000 && unit <= 0x001f)
    || (unit >= 0x007f && unit <= 0x009f)
    || (unit >= 0xd800 && unit <= 0xf8ff)
    || (unit >= 0xfff0 && unit <= 0xffff);
}

/**
 * Parent of a path as the server computes it (everything before the last "/"), with DataTree's
 * alias of "" for the root mapped back to "/". Returns null for a string without "/".
 */
export function parentPath(path: string): string | null {
  const lastSlash = path.lastIndexOf('/');
  if (lastSlash === -1) return null;
  return lastSlash === 0 ? '/' : path.slice(0, lastSlash);
}

/** Last component of a path ("" for the root). */
export function childName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** Path of a child named `name` under `parent`. */
export function joinPath(parent: string, name: string): string {
  return parent === '/' ? '/' + name : parent + '/' + name;
}

/** The paths from `path` up to the root, path first ("/a/b" -> ["/a/b", "/a", "/"]). */
export function pathAndAncestors(path: string): string[] {
  const out: string[] = [];
  let current: string | null = path;
  while (current !== null && current !== '') {
    out.push(current);
    current = current === '/' ? null : parentPath(current);
  }
  return out;
}

/** Plain code-unit string order (not locale order), used wherever we sort names or paths. */
export function compareStrings(left: string, right: string): number {
  if (left < right) return -1;
  return left > right ? 1 : 0;
}
