/**
 * Chart widths without forced layouts: reading `clientWidth` right after another chart wrote to
 * the DOM makes the browser lay out the page again, once per chart. The hook that mounts charts
 * records each container's width from its ResizeObserver; charts read it here.
 */
const widths = new WeakMap<Element, number>();

export function rememberWidth(el: Element, width: number): void {
  widths.set(el, width);
}

/** The container's last observed width (measured once, the first time, if none yet). */
export function widthOf(el: HTMLElement, fallback: number): number {
  let width = widths.get(el);
  if (width === undefined) {
    width = el.clientWidth;
    widths.set(el, width);
  }
  return width || fallback;
}
