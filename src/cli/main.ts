// The `tidings` command line: scan pages, evaluate against the labelled corpus, benchmark, outline a page for labelling.
// Run through bin/tidings.mjs; main returns the exit code instead of exiting, so tests can call it.
import { BENCH_HELP, BENCH_USAGE, benchCommand } from './bench-command';
import { provideAllLexicons } from '../lexicons/all';
import { InputError, UsageError } from './errors';
import { EVAL_USAGE, evalCommand } from './eval-command';
import { processIo, type CliIo } from './io';
import { OUTLINE_USAGE, outlineCommand } from './outline-command';
import { SCAN_USAGE, scanCommand } from './scan-command';
import { TUNE_USAGE, tuneCommand } from './tune-command';

const USAGE = `Tidings: finds donation appeals, paywall and newsletter nags and link farms on news pages.

Usage:
  ${SCAN_USAGE}
      Print what would be collapsed: kind, detector, score, reasons, CSS path, first 80 characters.
      --clean OUT writes the page without the findings (--clean alone: to standard output).
  ${EVAL_USAGE}
      Measure the detectors on labelled corpora (each DIR/labels.json, see corpus/README.md); with
      several, each is reported in turn, then all side by side (--json: {"corpora": [{dir, report}]}).
      Blocks a person judged real where the labels leave them out (eval/judgements.json when it is
      about DIR, or --judgements FILE) are counted in a separate section; --no-judgements leaves it out.
  ${TUNE_USAGE}
      Fit the detectors' weights to labelled corpora and print, per corpus, recall of appeals and of
      link farms, precision and article paragraphs hidden: fitted on all pages and cross-validated.
      --write keeps the weights in src/detectors/weights.json; --list names each miss and false positive.
  ${BENCH_USAGE}
${BENCH_HELP}
  ${OUTLINE_USAGE}
      For labelling a page by reading it (docs/labelling.md): its block elements, indented, each with
      [characters, links, form controls] and its first words (those with --min-chars of text, default 40,
      or a form control). --check tells, per selector, whether it names exactly one element (exit 1 if not).
  tidings --help

Exit codes: 0 done, 1 a file could not be read or a scan failed, 2 bad command line or bad input.`;

const COMMANDS: Record<string, (argv: readonly string[], io: CliIo) => number | Promise<number>> = {
  scan: scanCommand,
  eval: evalCommand,
  bench: benchCommand,
  tune: tuneCommand,
  outline: outlineCommand,
};

export async function main(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  const [name, ...rest] = argv;
  // Every page is read with every language at hand, as the extension reads a page once its lexicon has come.
  provideAllLexicons();
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(USAGE);
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`tidings: unknown command "${name}"\n`);
    io.err(USAGE);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(USAGE);
    return 0;
  }
  try {
    return await command(rest, io);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    io.err(`tidings ${name}: ${error.message}`);
    if (error instanceof UsageError) io.err(`\n${USAGE}`);
    return 2;
  }
}
