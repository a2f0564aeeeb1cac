let known: boolean | undefined

/**
 * Whether WebGL here is drawn on the CPU: SwiftShader (headless Chromium, Chrome on a GPU
 * it blocks), Mesa's llvmpipe, Microsoft's Basic Render Driver. Such a renderer pays for
 * every vertex and sample itself, so the map spends less where it shows least. Asked once.
 */
export function isSoftwareRenderer(): boolean {
  if (known !== undefined) return known
  known = false
  if (typeof document === 'undefined') return known
  try {
    const gl = document.createElement('canvas').getContext('webgl2')
    if (!gl) return known
    const info = gl.getExtension('WEBGL_debug_renderer_info')
    const renderer = String(
      gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER),
    )
    known = /swiftshader|llvmpipe|softpipe|software|basic render/i.test(
      renderer,
    )
    gl.getExtension('WEBGL_lose_context')?.loseContext()
  } catch {
    // No WebGL at all: the map reports that itself.
  }
  return known
}
