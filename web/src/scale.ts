/**
 * Goldstein scores run from -10 (most conflictual) to +10 (most cooperative). Colours go red →
 * neutral grey → green; both ends are dark enough for white text and line weight carries count,
 * so colour is never the only signal (the tables beside each chart give the numbers).
 */
const RED = [198, 40, 40];
const GREY = [140, 140, 140];
const GREEN = [46, 125, 50];

/** @example goldsteinColour(-10) // 'rgb(198, 40, 40)' */
export function goldsteinColour(g: number): string {
  const t = Math.max(-1, Math.min(1, g / 10));
  const [from, to, f] = t < 0 ? [GREY, RED, -t] : [GREY, GREEN, t];
  // a little colour even near zero, so a slightly negative edge does not look neutral
  const k = f === 0 ? 0 : 0.35 + 0.65 * f;
  const c = from.map((v, i) => Math.round(v + (to[i] - v) * k));
  return `rgb(${c[0]}, ${c[1]}, ${c[2]})`;
}

/** Edge width for an event count: grows with the logarithm, so one busy dyad does not hide the rest. */
export function countWidth(n: number, max: number): number {
  if (max <= 1) return 2;
  return 1.5 + 8 * (Math.log(1 + n) / Math.log(1 + max));
}

export const QUAD_NAMES = ['verbal cooperation', 'material cooperation', 'verbal conflict', 'material conflict'] as const;
export const QUAD_COLOURS = ['#7cb342', '#2e7d32', '#ef6c00', '#c62828'] as const;

export function fmt(n: number, digits = 1): string {
  return (n > 0 ? '+' : '') + n.toFixed(digits);
}
