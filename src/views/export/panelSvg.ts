/**
 * A chart panel as one standalone SVG document: every <svg> of the panel cloned in place with its
 * computed styles inlined (CSS variables and classes do not travel), every <canvas> as an embedded
 * PNG image, the panel's title on top and the permalink in a caption below. The PNG export draws
 * that SVG onto a canvas, so both files show the same picture.
 */
const SVG_NS = 'http://www.w3.org/2000/svg';
const XLINK_NS = 'http://www.w3.org/1999/xlink';

/** Presentation properties worth copying from the page's CSS onto the clone. */
const STYLE_PROPS = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'text-anchor',
  'dominant-baseline',
  'visibility',
  'display',
] as const;

function inlineStyles(source: Element, target: Element): void {
  const computed = getComputedStyle(source);
  const style = STYLE_PROPS.map((p) => `${p}:${computed.getPropertyValue(p)}`).join(';');
  target.setAttribute('style', style);
  const from = source.children;
  const to = target.children;
  for (let i = 0; i < from.length && i < to.length; i++) {
    const s = from[i];
    const t = to[i];
    if (s && t) inlineStyles(s, t);
  }
}

const CAPTION_HEIGHT = 40;
const TITLE_HEIGHT = 28;

export interface PanelPicture {
  readonly svg: string;
  readonly width: number;
  readonly height: number;
}

/** The panel `el` as SVG text, with `caption` (the permalink) under it. */
export function panelToSvg(el: HTMLElement, title: string, caption: string): PanelPicture {
  const box = el.getBoundingClientRect();
  const width = Math.max(1, Math.round(box.width));
  const bodyHeight = Math.max(1, Math.round(box.height));
  const height = bodyHeight + TITLE_HEIGHT + CAPTION_HEIGHT;
  const doc = document.implementation.createDocument(SVG_NS, 'svg', null);
  const root = doc.documentElement;
  root.setAttribute('xmlns', SVG_NS);
  root.setAttribute('xmlns:xlink', XLINK_NS);
  root.setAttribute('width', String(width));
  root.setAttribute('height', String(height));
  root.setAttribute('viewBox', `0 0 ${width} ${height}`);
  const panelStyle = getComputedStyle(el);

  const background = doc.createElementNS(SVG_NS, 'rect');
  background.setAttribute('width', String(width));
  background.setAttribute('height', String(height));
  background.setAttribute('fill', panelStyle.backgroundColor || '#ffffff');
  root.append(background);

  const text = (x: number, y: number, content: string, size: number, weight = 'normal') => {
    const t = doc.createElementNS(SVG_NS, 'text');
    t.setAttribute('x', String(x));
    t.setAttribute('y', String(y));
    t.setAttribute('font-family', 'system-ui, sans-serif');
    t.setAttribute('font-size', String(size));
    t.setAttribute('font-weight', weight);
    t.setAttribute('fill', panelStyle.color || '#1b1d21');
    t.textContent = content;
    return t;
  };
  root.append(text(12, 20, title, 16, 'bold'));

  const body = doc.createElementNS(SVG_NS, 'g');
  body.setAttribute('transform', `translate(0 ${TITLE_HEIGHT})`);
  root.append(body);
  for (const node of el.querySelectorAll('svg, canvas')) {
    // Nested svgs travel with their outer svg.
    if (node instanceof SVGElement && node.parentElement?.closest('svg')) continue;
    const r = node.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    const x = r.left - box.left;
    const y = r.top - box.top;
    if (node instanceof HTMLCanvasElement) {
      const image = doc.createElementNS(SVG_NS, 'image');
      let href = '';
      try {
        href = node.toDataURL('image/png');
      } catch {
        continue;
      }
      image.setAttribute('x', String(x));
      image.setAttribute('y', String(y));
      image.setAttribute('width', String(r.width));
      image.setAttribute('height', String(r.height));
      image.setAttribute('preserveAspectRatio', 'none');
      image.setAttribute('href', href);
      body.append(image);
    } else if (node instanceof SVGSVGElement) {
      const clone = node.cloneNode(true) as SVGSVGElement;
      inlineStyles(node, clone);
      clone.setAttribute('x', String(x));
      clone.setAttribute('y', String(y));
      clone.setAttribute('width', String(r.width));
      clone.setAttribute('height', String(r.height));
      body.append(doc.importNode(clone, true));
    }
  }

  const linkLine = caption.length > 160 ? `${caption.slice(0, 157)}…` : caption;
  root.append(text(12, TITLE_HEIGHT + bodyHeight + 16, 'Flatland — regenerate with:', 11));
  const link = text(12, TITLE_HEIGHT + bodyHeight + 32, linkLine, 11);
  link.setAttribute('data-permalink', caption);
  root.append(link);
  const svg = new XMLSerializer().serializeToString(doc);
  return { svg: `<?xml version="1.0" encoding="UTF-8"?>\n${svg}`, width, height };
}

/** Rasterizes `picture` at `scale`× to a PNG blob. */
export async function svgToPng(picture: PanelPicture, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([picture.svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.decoding = 'sync';
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('the chart could not be drawn as an image'));
      image.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(picture.width * scale);
    canvas.height = Math.round(picture.height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2-D canvas');
    ctx.scale(scale, scale);
    ctx.drawImage(image, 0, 0);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))),
        'image/png',
      ),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
