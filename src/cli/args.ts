// Command-line arguments of `npm run sim` (CONTRACT.md section 1).

export type SimCommand =
  | { mode: 'run'; source: string; stable: boolean; trace: boolean; messages: boolean }
  | { mode: 'encode-url'; source: string }
  | { mode: 'decode-url'; url: string }
  | { mode: 'help' };

export const USAGE = `usage:
  npm run --silent sim -- [--stable] [--trace] [--messages] <file | ->
  npm run --silent sim -- --encode-url <file | ->
  npm run --silent sim -- --decode-url '<url or #fragment>'`;

/** Parses argv (without node and the script); throws Error with a one-line message. */
export function parseArgs(argv: readonly string[]): SimCommand {
  let stable = false;
  let trace = false;
  let messages = false;
  let encode = false;
  let decode: string | null = null;
  const positional: string[] = [];
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index]!;
    if (arg === '--stable') stable = true;
    else if (arg === '--trace') trace = true;
    else if (arg === '--messages') messages = true;
    else if (arg === '--encode-url') encode = true;
    else if (arg === '--decode-url') {
      const url = argv[++index];
      if (url === undefined) throw new Error('--decode-url needs a URL or a #fragment');
      decode = url;
    } else if (arg === '--help' || arg === '-h') return { mode: 'help' };
    else if (arg.startsWith('--')) throw new Error(`unknown option ${arg}`);
    else positional.push(arg);
  }
  if (decode !== null) {
    if (positional.length > 0 || encode) throw new Error('--decode-url takes only the URL');
    return { mode: 'decode-url', url: decode };
  }
  if (positional.length !== 1) throw new Error(positional.length === 0 ? 'no input: give a file or - for standard input' : 'give exactly one input file');
  if (encode) return { mode: 'encode-url', source: positional[0]! };
  return { mode: 'run', source: positional[0]!, stable, trace, messages };
}
