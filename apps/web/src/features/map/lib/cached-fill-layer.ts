import {
  Layer,
  type LayerContext,
  type LayerProps,
  type PickingInfo,
  type UpdateParameters,
  type Viewport,
  picking,
  project32,
} from '@deck.gl/core'
import {
  Buffer,
  type Framebuffer,
  type RenderPass,
  type Texture,
} from '@luma.gl/core'
import { Model } from '@luma.gl/engine'
import { type FillMesh, changedUnits, vertexColors } from './fill-mesh'
import { positionsAttribute, uniformModule } from './single-draw-layer'
import type { UnitFeature } from './unit-geometry'

const vs = /* glsl */ `#version 300 es
#define SHADER_NAME cached-fill-vertex-shader
in vec3 positions;
in vec3 positions64Low;
in vec4 colors;
in float units;
out vec4 vColor;
void main(void) {
  geometry.worldPosition = positions;
  geometry.pickingColor = picking_getPickingColorFromIndex(units);
  gl_Position = project_position_to_clipspace(positions, positions64Low, vec3(0.0), geometry.position);
  DECKGL_FILTER_GL_POSITION(gl_Position, geometry);
  vColor = vec4(colors.rgb, colors.a * layer.opacity);
  DECKGL_FILTER_COLOR(vColor, geometry);
}
`

const fs = /* glsl */ `#version 300 es
#define SHADER_NAME cached-fill-fragment-shader
precision highp float;
in vec4 vColor;
out vec4 fragColor;
void main(void) {
  fragColor = vColor;
  DECKGL_FILTER_COLOR(fragColor, geometry);
  // Into the cache the colour goes premultiplied and unblended: what blending over a cleared
  // canvas gives, and a unit repainted alone replaces its pixels exactly.
  if (cachedFill.premultiply > 0.5) fragColor = vec4(fragColor.rgb * fragColor.a, fragColor.a);
}
`

// The cache over the frame, pixel for pixel: a rectangle over where the units are on screen
// (at country scale half the frame is sea), not the whole frame, and sampled rather than
// blitted (in SwiftShader a blitFramebuffer costs three times as much).
const compositeUniforms = uniformModule<{
  rect: [number, number, number, number]
}>('composite', { rect: 'vec4<f32>' })

const compositeVs = /* glsl */ `#version 300 es
#define SHADER_NAME cached-fill-composite-vertex-shader
out vec2 vUV;
void main(void) {
  // Two triangles over composite.rect (clip space: x0, y0, x1, y1).
  int i = gl_VertexID;
  vec2 corner = vec2(i == 1 || i == 4 || i == 5 ? 1.0 : 0.0, i == 2 || i == 3 || i == 5 ? 1.0 : 0.0);
  vec2 p = mix(composite.rect.xy, composite.rect.zw, corner);
  vUV = p * 0.5 + 0.5;
  gl_Position = vec4(p, 0.0, 1.0);
}
`

const compositeFs = /* glsl */ `#version 300 es
#define SHADER_NAME cached-fill-composite-fragment-shader
precision highp float;
uniform sampler2D cache;
in vec2 vUV;
out vec4 fragColor;
void main(void) {
  fragColor = texture(cache, vUV);
}
`

const cachedFillUniforms = uniformModule<{ premultiply: number }>(
  'cachedFill',
  { premultiply: 'f32' },
)

export interface CachedFillLayerProps extends LayerProps {
  mesh: FillMesh
  /** The polygons the mesh was built from: what picking answers with. */
  features: readonly UnitFeature[]
  /** RGBA per unit (`4u .. 4u + 4`); a new array for every change. */
  unitColors: Uint8Array
}

/** More changed units than this and the cache is redrawn whole (one draw beats hundreds). */
const PARTIAL_LIMIT = 256

// A type, not an interface: deck.gl's layer state wants an index signature.
type CacheState = {
  model?: Model
  indexBuffer?: Buffer
  framebuffer?: Framebuffer
  texture?: Texture
  composite?: Model
  /** What the cache holds: colours, viewport, size and opacity it was drawn with. */
  drawnColors: Uint8Array | null
  drawnViewport: Viewport | null
  drawnSize: [number, number]
  drawnOpacity: number
  /** A partial repaint has been drawn once (see `refreshCache`). */
  warmed?: boolean
}

/**
 * The unit fill for software renderers, where every frame's vertex work is paid on the CPU
 * (SwiftShader in headless browsers, machines without a usable GPU): the polygons are drawn
 * into an offscreen texture when the view changes, and an edit repaints only the units whose
 * colour changed (one small draw each, each unit's triangles being contiguous); every frame
 * then draws the texture over the canvas (one triangle). A remote edit of one unit costs a
 * few hundred triangles instead of the whole country's. Picking draws the polygons directly.
 * Drawn first (it replaces what is under it) and without multisampling, which software
 * renderers go without anyway; on a GPU the map uses deck.gl's GeoJsonLayer instead.
 */
export class CachedFillLayer extends Layer<Required<CachedFillLayerProps>> {
  static override layerName = 'CachedFillLayer'
  declare state: CacheState

  override getShaders() {
    return super.getShaders({
      vs,
      fs,
      modules: [project32, picking, cachedFillUniforms],
    })
  }

  override initializeState() {
    this.getAttributeManager()!.add({
      positions: positionsAttribute(this),
      units: { size: 1, accessor: 'getUnit' },
      colors: {
        size: 4,
        type: 'unorm8',
        noAlloc: true,
        // Per vertex from the per-unit table: rebuilt when the table changes.
        // (From the `props` given: this layer object is replaced on every render.)
        update: (
          attribute: { value: unknown },
          { props }: { props: Required<CachedFillLayerProps> },
        ) => {
          const rgba = vertexColors(props.mesh, props.unitColors)
          // deck.gl's type for normalised bytes; the same memory.
          attribute.value = new Uint8ClampedArray(rgba.buffer)
        },
      },
    })
    this.setState({
      drawnColors: null,
      drawnViewport: null,
      drawnSize: [0, 0],
      drawnOpacity: -1,
    })
  }

  override updateState(params: UpdateParameters<this>) {
    super.updateState(params)
    const { props, oldProps } = params
    if (
      props.unitColors !== oldProps.unitColors ||
      props.mesh !== oldProps.mesh
    )
      this.getAttributeManager()!.invalidate('colors')
    if (props.mesh === oldProps.mesh && this.state.model) return
    this.state.indexBuffer?.destroy()
    const indexBuffer = this.context.device.createBuffer({
      usage: Buffer.INDEX,
      data: props.mesh.indices,
    })
    const model =
      this.state.model ??
      new Model(this.context.device, {
        ...this.getShaders(),
        id: this.props.id,
        bufferLayout: this.getAttributeManager()!.getBufferLayouts(),
        topology: 'triangle-list',
        isInstanced: false,
      })
    model.setIndexBuffer(indexBuffer)
    this.setState({ model, indexBuffer, drawnColors: null })
  }

  override getPickingInfo({ info }: { info: PickingInfo }) {
    const feature =
      info.index >= 0 ? this.props.features[info.index] : undefined
    return { ...info, object: feature }
  }

  override draw(opts: {
    renderPass: RenderPass
    shaderModuleProps?: { picking?: { isActive?: unknown } } | null
  }) {
    const { model } = this.state
    if (!model) return
    const picking = Boolean(opts.shaderModuleProps?.picking?.isActive)
    if (picking) {
      // Picking draws straight into deck.gl's picking buffer, every polygon.
      model.shaderInputs.setProps({ cachedFill: { premultiply: 0 } })
      this.drawUnits(model, opts.renderPass, null)
      return
    }
    this.refreshCache(model)
    // The fill is the bottom layer: the cache replaces what is under it.
    const composite = this.state.composite
    if (!composite) return
    composite.shaderInputs.setProps({
      composite: {
        rect: screenRect(this.context.viewport, this.props.mesh.bounds),
      },
    })
    composite.draw(opts.renderPass)
  }

  override finalizeState(context: LayerContext) {
    super.finalizeState(context)
    this.releaseBuffers()
    this.state.composite?.destroy()
    this.state.framebuffer?.destroy()
    this.state.texture?.destroy()
  }

  private releaseBuffers() {
    this.state.model?.destroy()
    this.state.indexBuffer?.destroy()
  }

  /** Brings the offscreen picture up to date: all of it, or only the units that changed. */
  private refreshCache(model: Model) {
    const device = this.context.device
    const [width, height] = device
      .getDefaultCanvasContext()
      .getDrawingBufferSize()
    const s = this.state
    const viewport = this.context.viewport
    const opacity = this.props.opacity
    let framebuffer = s.framebuffer
    if (
      !framebuffer ||
      framebuffer.width !== width ||
      framebuffer.height !== height
    ) {
      s.framebuffer?.destroy()
      s.texture?.destroy()
      const texture = device.createTexture({
        format: 'rgba8unorm',
        width,
        height,
        sampler: { minFilter: 'nearest', magFilter: 'nearest' },
      })
      framebuffer = device.createFramebuffer({
        width,
        height,
        colorAttachments: [texture],
      })
      s.composite?.destroy()
      const composite = new Model(device, {
        id: `${this.props.id}-composite`,
        vs: compositeVs,
        fs: compositeFs,
        modules: [compositeUniforms],
        topology: 'triangle-list',
        vertexCount: 6,
        bindings: { cache: texture },
        parameters: {
          blend: false,
          depthWriteEnabled: false,
          depthCompare: 'always',
          cullMode: 'none',
        },
      })
      // Written into the state, not through setState: that would flag a redraw, and a
      // draw that asks for another draw costs every edit a second frame.
      Object.assign(s, { framebuffer, texture, composite, drawnViewport: null })
    }
    const whole =
      !s.drawnViewport ||
      !viewport.equals(s.drawnViewport) ||
      s.drawnSize[0] !== width ||
      s.drawnSize[1] !== height ||
      s.drawnOpacity !== opacity
    const changed = whole
      ? null
      : changedUnits(s.drawnColors, this.props.unitColors)
    if (changed && changed.length === 0) return
    const partial = changed && changed.length <= PARTIAL_LIMIT ? changed : null
    model.shaderInputs.setProps({ cachedFill: { premultiply: 1 } })
    model.setParameters({
      blend: false,
      depthWriteEnabled: false,
      depthCompare: 'always',
      cullMode: 'none',
    })
    this.paintInto(model, framebuffer, partial)
    if (!partial && !s.warmed && this.props.mesh.indexStart.length > 1) {
      // A software renderer compiles a routine for each new pipeline state on first use,
      // which costs the first edit a frame of 100 ms or more. Repaint one unit over itself
      // now, while the map loads, so that cost is not paid on the first edit.
      s.warmed = true
      this.paintInto(model, framebuffer, [0])
    }
    Object.assign(s, {
      drawnColors: this.props.unitColors,
      drawnViewport: viewport,
      drawnSize: [width, height],
      drawnOpacity: opacity,
    })
  }

  /** One pass into the cache: the given units over what is there, or all of it anew (`null`). */
  private paintInto(
    model: Model,
    framebuffer: Framebuffer,
    units: number[] | null,
  ) {
    const pass = this.context.device.beginRenderPass({
      framebuffer,
      // A partial update keeps what is there; a whole one starts from transparent.
      clearColor: units ? false : [0, 0, 0, 0],
      clearDepth: false,
      parameters: { viewport: [0, 0, framebuffer.width, framebuffer.height] },
    })
    this.drawUnits(model, pass, units)
    pass.end()
  }

  /**
   * Draws the given units' triangles, or all of them (`null`). A few units go as one draw of
   * their index ranges gathered into a small index buffer of their own.
   */
  private drawUnits(model: Model, pass: RenderPass, units: number[] | null) {
    const { indexStart, indices } = this.props.mesh
    let buffer = this.state.indexBuffer!
    let count = indices.length
    if (units) {
      let n = 0
      for (const u of units) n += indexStart[u + 1]! - indexStart[u]!
      if (n === 0) return
      const some = new Uint32Array(n)
      let k = 0
      for (const u of units) {
        some.set(indices.subarray(indexStart[u]!, indexStart[u + 1]!), k)
        k += indexStart[u + 1]! - indexStart[u]!
      }
      buffer = this.context.device.createBuffer({
        usage: Buffer.INDEX,
        data: some,
      })
      count = n
    }
    // Set on every draw: deck.gl rebuilds the model's vertex array when attributes change.
    model.setIndexBuffer(buffer)
    model.setIndexCount(count)
    model.setVertexCount(count)
    model.draw(pass)
    if (buffer !== this.state.indexBuffer) {
      model.setIndexBuffer(this.state.indexBuffer!)
      buffer.destroy()
    }
  }
}

/** Where a lon/lat box falls on screen, in clip space (x0, y0, x1, y1), clamped to the frame. */
function screenRect(
  viewport: Viewport,
  [west, south, east, north]: readonly [number, number, number, number],
): [number, number, number, number] {
  if (!(west <= east && south <= north)) return [-1, -1, 1, 1]
  let x0 = Infinity
  let y0 = Infinity
  let x1 = -Infinity
  let y1 = -Infinity
  // All four corners: with a bearing the box turns on screen.
  for (const [lon, lat] of [
    [west, south],
    [west, north],
    [east, south],
    [east, north],
  ] as const) {
    const [x, y] = viewport.project([lon, lat])
    const cx = (x! / viewport.width) * 2 - 1
    const cy = 1 - (y! / viewport.height) * 2
    x0 = Math.min(x0, cx)
    x1 = Math.max(x1, cx)
    y0 = Math.min(y0, cy)
    y1 = Math.max(y1, cy)
  }
  // A pixel of margin each side, so an edge pixel is never left out by rounding.
  const mx = 2 / viewport.width
  const my = 2 / viewport.height
  const clamp = (v: number) => Math.min(1, Math.max(-1, v))
  return [clamp(x0 - mx), clamp(y0 - my), clamp(x1 + mx), clamp(y1 + my)]
}
