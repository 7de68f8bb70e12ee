/**
 * The charts on the current page, so navigation can dispose of them. Kept apart from charts.ts
 * so that pages without charts (quotes, reader) never load the chart library.
 */
export interface Disposable { dispose(): void; resize(): void }

export const liveCharts = new Set<Disposable>();

export function disposeCharts(): void {
  for (const c of liveCharts) c.dispose();
  liveCharts.clear();
}

addEventListener('resize', () => {
  for (const c of liveCharts) c.resize();
});
