import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/cli/errors';
import { readCorpus } from '../../src/cli/labels';
import { checkHeap } from '../../src/cli/tune/corpora';

const corpus = readCorpus(join(__dirname, '../fixtures/corpus-mini'));

// `tidings tune` keeps every page parsed for the whole run: corpora too large for the heap are refused at once with
// the way out, not after half an hour by a crash of Node's.
describe('tune: corpora that would outgrow the heap', () => {
  it('are refused, with their size, the heap limit and how to raise it', () => {
    expect(() => checkHeap([corpus], 1024)).toThrow(InputError);
    expect(() => checkHeap([corpus], 1024)).toThrow(/MB of pages, which need about \d+ MB .* heap limit here is 1 MB\. Run it as NODE_OPTIONS=--max-old-space-size=\d+ npx tidings tune/);
  });

  it('are loaded when the heap holds them', () => {
    expect(() => checkHeap([corpus], 2 ** 32)).not.toThrow();
  });
});
