/**
 * The weights of an averaged perceptron in training (Collins 2002), shared by the tagger and the
 * parser: the live weights, and their averages over all steps, kept lazily with time stamps (a
 * weight's running total is brought up to date only when it changes).
 */
export class AveragedWeights {
  readonly w: Float32Array;
  private readonly totals: Float64Array;
  private readonly stamps: Float64Array;
  /** The number of steps so far; the caller counts them. */
  step = 0;

  constructor(readonly size: number) {
    this.w = new Float32Array(size);
    this.totals = new Float64Array(size);
    this.stamps = new Float64Array(size);
  }

  /** Add `d` to weight `k`. */
  bump(k: number, d: number): void {
    this.totals[k] += (this.step - this.stamps[k]) * this.w[k];
    this.stamps[k] = this.step;
    this.w[k] += d;
  }

  /** The weights averaged over every step so far. */
  averaged(): Float32Array {
    const { w, totals, stamps, step, size } = this;
    const avg = new Float32Array(size);
    for (let k = 0; k < size; k++) avg[k] = (totals[k] + (step - stamps[k]) * w[k]) / step;
    return avg;
  }
}
