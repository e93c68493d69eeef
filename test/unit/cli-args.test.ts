import { describe, expect, it } from 'vitest';
import { parseArgs, wholeNumberFlag } from '../../src/cli/args';

const spec = { clean: 'optional-value', json: 'flag', lang: 'value' } as const;

describe('parseArgs', () => {
  it('takes the next argument as an optional value unless it is a flag', () => {
    expect(parseArgs(['a.html', '--clean', 'out.html', '--json'], spec).flags.get('clean')).toBe('out.html');
    expect(parseArgs(['a.html', '--clean', '--json'], spec).flags.get('clean')).toBe(true);
    expect(parseArgs(['a.html', '--clean'], spec).flags.get('clean')).toBe(true);
    expect(parseArgs(['a.html', '--clean', '-'], spec).flags.get('clean')).toBe('-');
  });

  it('accepts --name=value and keeps positionals in order', () => {
    const args = parseArgs(['a.html', '--lang=de', 'b.txt', '--', '--odd-name.html'], spec);
    expect(args.flags.get('lang')).toBe('de');
    expect(args.positionals).toEqual(['a.html', 'b.txt', '--odd-name.html']);
  });

  it('rejects unknown options, missing values and values on plain flags', () => {
    expect(() => parseArgs(['--colour'], spec)).toThrow('unknown option --colour');
    expect(() => parseArgs(['--lang'], spec)).toThrow('--lang needs a value');
    expect(() => parseArgs(['--json=yes'], spec)).toThrow('--json takes no value');
  });
});

describe('wholeNumberFlag', () => {
  const numbers = { runs: 'value', depth: 'value' } as const;
  it('reads a whole number, and the fallback when the option is not given', () => {
    expect(wholeNumberFlag(parseArgs(['--runs', '3'], numbers), 'runs', 5, 1)).toBe(3);
    expect(wholeNumberFlag(parseArgs([], numbers), 'runs', 5, 1)).toBe(5);
    expect(wholeNumberFlag(parseArgs(['--depth', '0'], numbers), 'depth', 40)).toBe(0);
  });

  it('refuses what is not a whole number, or is below its least', () => {
    expect(() => wholeNumberFlag(parseArgs(['--runs', '0'], numbers), 'runs', 5, 1)).toThrow('--runs: expected a whole number of at least 1');
    expect(() => wholeNumberFlag(parseArgs(['--depth', '2.5'], numbers), 'depth', 40)).toThrow('--depth: expected a whole number');
    expect(() => wholeNumberFlag(parseArgs(['--depth', 'deep'], numbers), 'depth', 40)).toThrow('--depth: expected a whole number');
  });
});
