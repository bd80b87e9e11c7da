/**
 * A chart's DOM as text for snapshot tests, in the manner of Observable Plot's test/plots: one
 * element a line, indented by depth, so that a diff names the mark that moved. Numbers in
 * attributes are rounded to 2 decimals (a hundredth of a pixel): a change below that draws nothing
 * and is not a change. Text is kept as the chart wrote it.
 */

const SVG_NS = 'http://www.w3.org/2000/svg';

function escape(s: string, quote: boolean): string {
  const t = s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
  return quote ? t.replaceAll('"', '&quot;') : t;
}

function round(value: string): string {
  return value.replace(/-?\d*\.\d+(?:e[-+]?\d+)?/gi, (m) =>
    String(Math.round(Number(m) * 100) / 100),
  );
}

function attributes(el: Element, root: boolean): string {
  const out: string[] = [];
  // A root svg carries its namespace, so the snapshot file opens as an image.
  if (root && el.namespaceURI === SVG_NS && !el.hasAttribute('xmlns'))
    out.push(`xmlns="${SVG_NS}"`);
  for (const a of Array.from(el.attributes)) {
    const v = a.name === 'aria-label' ? a.value : round(a.value);
    out.push(`${a.name}="${escape(v, true)}"`);
  }
  return out.length > 0 ? ` ${out.join(' ')}` : '';
}

/** `el` and everything inside it, as indented markup ending in a newline. */
export function serialize(el: Element, depth = 0): string {
  const pad = '  '.repeat(depth);
  const tag = el.localName;
  const open = `${pad}<${tag}${attributes(el, depth === 0)}`;
  const kids = Array.from(el.childNodes).filter(
    (n) => n.nodeType === 1 || (n.nodeType === 3 && (n.textContent ?? '') !== ''),
  );
  if (kids.length === 0) return `${open}/>\n`;
  // An element holding only text (a tick label, a title) stays on one line.
  if (kids.every((n) => n.nodeType === 3)) {
    return `${open}>${escape(el.textContent ?? '', false)}</${tag}>\n`;
  }
  let body = '';
  for (const n of kids) {
    body +=
      n.nodeType === 1
        ? serialize(n as Element, depth + 1)
        : `${pad}  ${escape(n.textContent ?? '', false)}\n`;
  }
  return `${open}>\n${body}${pad}</${tag}>\n`;
}
