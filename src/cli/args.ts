// A small argument parser: each command declares its flags, anything else is a clear usage error.
import { SENSITIVITIES, type Sensitivity } from '../core/types';
import { UsageError } from './errors';

/** 'flag' takes no value; 'value' needs one; 'optional-value' takes the next argument unless it looks like a flag. */
export type FlagSpec = Record<string, 'flag' | 'value' | 'optional-value'>;

export interface ParsedArgs {
  positionals: string[];
  /** true for a flag given without a value. */
  flags: Map<string, string | true>;
}

export function parseArgs(argv: readonly string[], spec: FlagSpec): ParsedArgs {
  const positionals: string[] = [];
  const flags = new Map<string, string | true>();
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index] as string;
    if (arg === '--') {
      positionals.push(...argv.slice(index + 1));
      break;
    }
    if (!arg.startsWith('--')) {
      positionals.push(arg);
      continue;
    }
    const equals = arg.indexOf('=');
    const name = arg.slice(2, equals === -1 ? undefined : equals);
    const kind = spec[name];
    if (!kind) throw new UsageError(`unknown option --${name}`);
    if (equals !== -1) {
      if (kind === 'flag') throw new UsageError(`--${name} takes no value`);
      flags.set(name, arg.slice(equals + 1));
      continue;
    }
    const next = argv[index + 1];
    const nextIsValue = next !== undefined && (next === '-' || !next.startsWith('-'));
    if (kind === 'value') {
      if (!nextIsValue) throw new UsageError(`--${name} needs a value`);
      flags.set(name, next);
      index++;
    } else if (kind === 'optional-value' && nextIsValue) {
      flags.set(name, next);
      index++;
    } else {
      flags.set(name, true);
    }
  }
  return { positionals, flags };
}

/** The --sensitivity value, or undefined to keep the settings default. */
export function sensitivityFlag(args: ParsedArgs): Sensitivity | undefined {
  const value = args.flags.get('sensitivity');
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !SENSITIVITIES.includes(value as Sensitivity)) {
    throw new UsageError(`--sensitivity: expected one of ${SENSITIVITIES.join(', ')}`);
  }
  return value as Sensitivity;
}

/** A whole-number option's value, at least `least`; `fallback` when it is not given. */
export function wholeNumberFlag(args: ParsedArgs, name: string, fallback: number, least = 0): number {
  const value = args.flags.get(name);
  if (value === undefined) return fallback;
  const number = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : -1;
  if (number < least) throw new UsageError(`--${name}: expected a whole number${least > 0 ? ` of at least ${least}` : ''}`);
  return number;
}
