// Runs the `tidings` command line in-process, capturing what it prints.
import type { CliIo } from '../../src/cli/io';
import { main } from '../../src/cli/main';

export async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (text) => out.push(text), err: (text) => err.push(text) };
  const code = await main(argv, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}
