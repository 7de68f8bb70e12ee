import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeAtomically } from '../../src/cli/atomic-files.js';

function folder(): string {
  return mkdtempSync(join(tmpdir(), 'entente-atomic-'));
}

test('writeAtomically: every file appears whole under its name on success', async () => {
  const dir = folder();
  try {
    const targets = [join(dir, 'a.tsv'), join(dir, 'a.mentions.tsv')];
    const n = await writeAtomically(targets, async ([a, b]) => {
      for (let i = 0; i < 1000; i++) { a.write(`row ${i}\n`); b.write(`m ${i}\n`); }
      return 1000;
    });
    assert.equal(n, 1000);
    assert.deepEqual(readdirSync(dir).sort(), ['a.mentions.tsv', 'a.tsv']);
    assert.equal(readFileSync(targets[0], 'utf8').split('\n').length, 1001);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('writeAtomically: a failure halfway leaves no file and the old one untouched', async () => {
  const dir = folder();
  try {
    const old = join(dir, 'out.csv');
    writeFileSync(old, 'the previous export\n');
    await assert.rejects(
      writeAtomically([old, join(dir, 'new.csv')], async ([a, b]) => {
        a.write('half of it\n');
        b.write('half\n');
        await new Promise((r) => setTimeout(r, 10));
        throw new Error('the store went away');
      }),
      /the store went away/,
    );
    assert.deepEqual(readdirSync(dir), ['out.csv']);
    assert.equal(readFileSync(old, 'utf8'), 'the previous export\n');
    // failing before anything was opened is cleaned up too
    await assert.rejects(writeAtomically([join(dir, 'x.csv')], async () => { throw new Error('at once'); }), /at once/);
    assert.deepEqual(readdirSync(dir), ['out.csv']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
