import { useEffect, useRef, useState, type RefCallback } from 'react';
import type { ChartHandle } from './charts/chartHandle';
import { cancelDraw, scheduleDraw } from './charts/drawQueue';
import { rememberWidth } from './charts/elementWidth';

/**
 * Mounts `create(el)` into the returned ref's element while it is mounted and calls
 * `update(data)` whenever `data` changes (and on resize). React owns the container, d3 the pixels.
 * Redraws are batched into the commit's frame and bounded in time (./charts/drawQueue), so no commit
 * becomes a long task and a snapshot changes one frame. The ref is a callback, so a container
 * that appears after the component mounted (a chart shown once its data exist) gets its chart.
 */
export function useChart<D, E extends HTMLElement = HTMLDivElement>(
  create: (el: E) => ChartHandle<D>,
  data: D,
): RefCallback<E> {
  const [el, setEl] = useState<E | null>(null);
  const chart = useRef<ChartHandle<D> | null>(null);
  const latest = useRef(data);
  const createRef = useRef(create);

  useEffect(() => {
    if (!el) return;
    const handle = createRef.current(el);
    chart.current = handle;
    handle.update(latest.current);
    let width = el.clientWidth;
    const observer = new ResizeObserver((entries) => {
      const next = entries[entries.length - 1]?.contentRect.width ?? width;
      rememberWidth(el, next);
      if (next === width) return;
      width = next;
      scheduleDraw(handle, () => handle.update(latest.current));
    });
    observer.observe(el);
    return () => {
      observer.disconnect();
      cancelDraw(handle);
      handle.destroy();
      chart.current = null;
    };
  }, [el]);

  useEffect(() => {
    latest.current = data;
    const handle = chart.current;
    if (handle) scheduleDraw(handle, () => handle.update(latest.current));
  }, [data]);

  return setEl;
}
