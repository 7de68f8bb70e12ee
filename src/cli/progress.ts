/**
 * Progress of a long batch on standard error: a line redrawn in place on a terminal, and a plain
 * line every ten seconds otherwise (CI logs, pipes), so a long run never looks hung.
 *
 * @example
 * const p = new Progress('ingest'); p.tick(() => '10 stored'); p.done();
 */
export class Progress {
  // the first line waits a full interval: a run shorter than that prints only its summary
  private last = Date.now();
  private readonly tty: boolean;
  private readonly every: number;
  private drawn = false;

  constructor(private readonly label: string, private readonly out: NodeJS.WriteStream = process.stderr, enabled = true) {
    this.tty = enabled && Boolean(out.isTTY);
    this.every = !enabled ? Infinity : this.tty ? 150 : 10_000;
  }

  tick(line: () => string): void {
    const now = Date.now();
    if (now - this.last < this.every) return;
    this.last = now;
    if (this.tty) {
      this.out.write(`\r\x1b[2K${this.label}: ${line()}`);
      this.drawn = true;
    } else if (this.every !== Infinity) {
      this.out.write(`${this.label}: ${line()}\n`);
    }
  }

  /** Clears the live line so that what follows starts on a clean one. */
  clear(): void {
    if (this.drawn) this.out.write('\r\x1b[2K');
    this.drawn = false;
  }

  done(): void {
    this.clear();
  }
}
