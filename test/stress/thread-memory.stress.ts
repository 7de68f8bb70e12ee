import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { entente } from '../cli/_run.js';

// An article too big for an analysis thread's heap is skipped as too large, and the articles
// sent with it in the same batch are still stored: the thread is replaced, not the run stopped.
test('cli: an article that exhausts an analysis thread is skipped, the rest of its batch stored', () => {
  const dir = mkdtempSync(join(tmpdir(), 'entente-heap-'));
  try {
    const words = ['Russia', 'said', 'the', 'talks', 'with', 'China', 'would', 'resume', 'on', 'Tuesday', 'and', 'officials', 'met', 'in', 'Geneva'];
    // varied paragraphs (repeated ones would be dropped as boilerplate): a simple LCG picks the words
    let seed = 7;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
    const paras = Array.from({ length: 20000 }, () => Array.from({ length: 60 }, () => words[(next() >> 16) % words.length]).join(' ') + '.');
    mkdirSync(join(dir, 'in'));
    writeFileSync(join(dir, 'in', 'a-huge.txt'), `A very long report\n\n${paras.join('\n\n')}`);
    writeFileSync(join(dir, 'in', 'b-small.txt'), 'Ministers meet\n\nThe foreign ministers of two neighbouring countries met on Monday to discuss trade and border crossings.');
    const r = entente(['ingest', join(dir, 'in'), '--db', join(dir, 'e.db'), '--threads', '1'], { env: { ENTENTE_THREAD_HEAP_MB: '128' } });
    assert.equal(r.status, 3, r.stderr);
    assert.match(r.stderr + r.stdout, /a-huge\.txt: too-large: the article needs more memory than an analysis thread has \(128 MB/);
    assert.match(r.stderr + r.stdout, /1 stored, 0 unchanged, 1 skipped/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
