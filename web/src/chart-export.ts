/**
 * Charts and exports taken away: a file saved from bytes made in the page (an SVG drawn by the
 * chart, a PNG painted from it, an export the API sent), with no server round trip for charts.
 */

/** Saves `blob` as a download named `name`. */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // the download has its bytes once the click is handled; a later tick lets the URL go
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * A PNG of an SVG document, painted on a canvas at `scale` times its size. The SVG is loaded as a
 * data: URL (the page's Content-Security-Policy allows images from data:, not from blob:), which
 * leaves the canvas readable.
 */
export async function svgToPng(svg: string, scale = 2): Promise<Blob> {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  const root = doc.documentElement;
  const width = Number.parseFloat(root.getAttribute('width') ?? '') || 800;
  const height = Number.parseFloat(root.getAttribute('height') ?? '') || 400;
  const img = new Image(width, height);
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.scale(scale, scale);
  ctx.drawImage(img, 0, 0, width, height);
  return new Promise((done, fail) => canvas.toBlob((b) => (b ? done(b) : fail(new Error('the browser could not make a PNG of the chart'))), 'image/png'));
}
