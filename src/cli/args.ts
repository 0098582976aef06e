import { CliError } from './cli-error';

/** Flags and positional arguments of one command line. Flags named in `booleans` take no value; flags named in
 * `repeatable` may be given more than once, and keep every value in order. */
export interface ParsedArgs {
  positional: string[];
  flags: Map<string, string | true>;
  lists: Map<string, string[]>;
}

export function parseArgs(
  argv: readonly string[],
  known: readonly string[],
  booleans: readonly string[],
  repeatable: readonly string[] = [],
): ParsedArgs {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  const lists = new Map<string, string[]>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '-' || !arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (!known.includes(name)) throw new CliError(`unknown option --${name} (try: firsthand help)`, 2);
    if (booleans.includes(name)) {
      flags.set(name, true);
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined) throw new CliError(`option --${name} needs a value`, 2);
    if (repeatable.includes(name)) lists.set(name, [...(lists.get(name) ?? []), value]);
    else flags.set(name, value);
  }
  return { positional, flags, lists };
}

export function stringFlag(args: ParsedArgs, name: string): string | undefined {
  const value = args.flags.get(name);
  return typeof value === 'string' ? value : undefined;
}

export function listFlag(args: ParsedArgs, name: string): string[] {
  return args.lists.get(name) ?? [];
}
