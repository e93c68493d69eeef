import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../src/cli/args';

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
