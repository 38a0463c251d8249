// A scenario is a shallow document (steps[3].ops[0].acl[1] is as deep as it gets), but JSON
// from a file or URL may nest arrays a million deep: parsing copes, while every later recursive
// walk (validation, re-encoding, copying into the worker) would overflow the stack. So the text
// is measured before it is parsed, in one linear pass that never recurses.

/** Deepest nesting of arrays and objects accepted in scenario JSON. */
export const JSON_DEPTH_MAX = 64;

/** The reason `text` nests deeper than `max`, or null. Strings are skipped, escapes included. */
export function jsonDepthProblem(text: string, max = JSON_DEPTH_MAX): string | null {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (inString) {
      if (code === 0x5c) index++; // backslash: the next character is escaped
      else if (code === 0x22) inString = false;
    } else if (code === 0x22) {
      inString = true;
    } else if (code === 0x5b || code === 0x7b) {
      if (++depth > max) return `nested more than ${max} levels deep`;
    } else if (code === 0x5d || code === 0x7d) {
      depth--;
    }
  }
  return null;
}
