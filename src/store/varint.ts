/** LEB128-style unsigned varints; signed values zig-zag first. Offsets stay below 2^53. */
export class VarintWriter {
  private buf: Uint8Array;
  private n = 0;

  constructor(items: number) {
    this.buf = new Uint8Array(Math.max(16, items * 2));
  }

  uint(v: number): void {
    if (this.n + 8 > this.buf.length) {
      const bigger = new Uint8Array(this.buf.length * 2 + 16);
      bigger.set(this.buf);
      this.buf = bigger;
    }
    while (v >= 0x80) {
      this.buf[this.n++] = (v % 0x80) | 0x80;
      v = Math.floor(v / 0x80);
    }
    this.buf[this.n++] = v;
  }

  int(v: number): void {
    this.uint(v >= 0 ? v * 2 : -v * 2 - 1);
  }

  /** A short string (a tag, a relation, a lemma): its length, then each UTF-16 unit. */
  string(s: string): void {
    this.uint(s.length);
    for (let i = 0; i < s.length; i++) this.uint(s.charCodeAt(i));
  }

  done(): Buffer {
    return Buffer.from(this.buf.buffer, 0, this.n);
  }
}

export class VarintReader {
  private i = 0;
  constructor(private readonly buf: Uint8Array) {}

  uint(): number {
    let v = 0;
    let scale = 1;
    for (;;) {
      const b = this.buf[this.i++];
      if (b === undefined) throw new RangeError('truncated span blob');
      v += (b & 0x7f) * scale;
      if (b < 0x80) return v;
      scale *= 0x80;
    }
  }

  int(): number {
    const z = this.uint();
    return z % 2 === 0 ? z / 2 : -(z + 1) / 2;
  }

  string(): string {
    const n = this.uint();
    const units: number[] = new Array(n);
    for (let i = 0; i < n; i++) units[i] = this.uint();
    return String.fromCharCode(...units);
  }
}
