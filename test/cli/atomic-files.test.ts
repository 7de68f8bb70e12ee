import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
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

/** The id of a process that has ended: a child that exited at once. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', '0']);
  assert.equal(r.status, 0);
  return r.pid!;
}

test('writeAtomically: temporary files left by a run that died are removed; a live run\'s and other files\' are kept', async (t) => {
  const dir = folder();
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const live = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
  t.after(() => live.kill());
  const dead = deadPid();
  const left = ['out.csv.tmp-' + dead + '-0123abcd', 'out.mentions.csv.tmp-' + dead + '-89abcdef'];
  const kept = ['out.csv.tmp-' + live.pid + '-0123abcd', 'other.csv.tmp-' + dead + '-0123abcd', 'out.csv.tmp-notes', 'out.csv.tmp-' + dead + '-0123abcd.bak'];
  for (const f of [...left, ...kept]) writeFileSync(join(dir, f), 'partial\n');
  await writeAtomically([join(dir, 'out.csv'), join(dir, 'out.mentions.csv')], async ([a, b]) => { a.write('a\n'); b.write('b\n'); });
  assert.deepEqual(readdirSync(dir).sort(), [...kept, 'out.csv', 'out.mentions.csv'].sort());
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  test(`writeAtomically: ${signal} while writing removes the temporary files and still ends the process`, async (t) => {
    const dir = folder();
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    const module = resolve('dist/src/cli/atomic-files.js');
    // writes a first row, says so, then waits as a long export would
    const script = `import { writeAtomically } from ${JSON.stringify(module)};
      await writeAtomically([${JSON.stringify(join(dir, 'out.tsv'))}, ${JSON.stringify(join(dir, 'out.mentions.tsv'))}], async ([a, b]) => {
        a.write('row\\n'); b.write('m\\n');
        await new Promise((r) => setTimeout(r, 50));
        process.stdout.write('writing\\n');
        await new Promise((r) => setTimeout(r, 60000));
      });`;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    await once(child.stdout, 'data');
    assert.equal(readdirSync(dir).filter((f) => f.includes('.tmp-')).length, 2, 'the temporary files are there while it writes');
    child.kill(signal);
    const [code, by] = await once(child, 'exit');
    assert.deepEqual([code, by], [null, signal], 'ended by the signal, as without the handler');
    assert.deepEqual(readdirSync(dir), []);
  });
}
