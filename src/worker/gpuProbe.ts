/**
 * What the worker can learn about the GPU before choosing a backend: the WebGPU adapter (and
 * whether it is a software fallback such as SwiftShader) and whether WebGL renders in software.
 */

interface AdapterInfoLike {
  readonly vendor?: string;
  readonly architecture?: string;
  readonly device?: string;
  readonly description?: string;
  readonly isFallbackAdapter?: boolean;
}
interface AdapterLike {
  readonly info?: AdapterInfoLike;
  readonly isFallbackAdapter?: boolean;
}
interface GpuLike {
  requestAdapter(options?: { powerPreference?: string }): Promise<AdapterLike | null>;
}

const SOFTWARE_RENDERER = /swiftshader|llvmpipe|softpipe|software|basic render/i;

export interface GpuAdapterSummary {
  readonly description: string;
  readonly isFallback: boolean;
}

/** The WebGPU adapter the webgpu backend would get, or null when there is none. */
export async function probeWebGpuAdapter(): Promise<GpuAdapterSummary | null> {
  const gpu = (navigator as Navigator & { gpu?: GpuLike }).gpu;
  if (!gpu) return null;
  let adapter: AdapterLike | null;
  try {
    adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
  } catch {
    return null;
  }
  if (!adapter) return null;
  const info = adapter.info ?? {};
  const description =
    [info.vendor, info.architecture, info.device, info.description]
      .filter((part) => part !== undefined && part !== '')
      .join(' ') || 'unnamed adapter';
  const isFallback =
    info.isFallbackAdapter === true ||
    adapter.isFallbackAdapter === true ||
    SOFTWARE_RENDERER.test(description);
  return { description, isFallback };
}

/** The WebGL renderer string, and whether it is a software rasterizer; null without WebGL. */
export function probeWebGlRenderer(): { renderer: string; isSoftware: boolean } | null {
  if (typeof OffscreenCanvas === 'undefined') return null;
  const gl = new OffscreenCanvas(1, 1).getContext('webgl2');
  if (!gl) return null;
  const ext = gl.getExtension('WEBGL_debug_renderer_info');
  const renderer = String(
    gl.getParameter(ext ? ext.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? 'unknown',
  );
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return { renderer, isSoftware: SOFTWARE_RENDERER.test(renderer) };
}
