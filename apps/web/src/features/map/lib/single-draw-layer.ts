import {
  Layer,
  type LayerContext,
  type LayerProps,
  type UpdateParameters,
} from '@deck.gl/core'
import { Model } from '@luma.gl/engine'
import type { ShaderModule } from '@luma.gl/shadertools'

/**
 * A deck.gl layer drawn as one non-instanced draw call, one vertex per data row. deck.gl's
 * own line and point layers draw an instance (a quad, a joint) per row; a software renderer
 * (SwiftShader in headless browsers, machines without a usable GPU) sets up every instance
 * separately, 20–30 µs each, so a few thousand segments or dots cost 100 ms a frame. Drawn
 * as GL lines or point sprites they cost a few. Every row has a position (`getPosition`, the
 * shader's `positions` / `positions64Low`); subclasses give the shaders (`shaderSource`),
 * any further attributes (`addAttributes`) and the uniforms for a draw (`uniforms`).
 */
export abstract class SingleDrawLayer<P extends LayerProps> extends Layer<P> {
  static override layerName = 'SingleDrawLayer'
  declare state: { model?: Model }
  protected abstract readonly topology: 'line-list' | 'point-list'
  protected abstract shaderSource(): {
    vs: string
    fs: string
    modules: unknown[]
  }
  protected addAttributes(): void {
    // Positions only, unless a subclass adds more.
  }
  /** Shader module props for this draw, by module name (none unless a subclass has some). */
  protected uniforms(): Record<string, Record<string, unknown>> {
    return {}
  }

  override getShaders() {
    return super.getShaders(this.shaderSource())
  }

  override initializeState() {
    this.getAttributeManager()!.add({ positions: positionsAttribute(this) })
    this.addAttributes()
    this.setState({ model: this.buildModel() })
  }

  override updateState(params: UpdateParameters<this>) {
    super.updateState(params)
    if (params.changeFlags.extensionsChanged) {
      this.state.model?.destroy()
      this.setState({ model: this.buildModel() })
      this.getAttributeManager()!.invalidateAll()
    }
  }

  override draw() {
    const model = this.state.model
    if (!model) return
    model.shaderInputs.setProps(this.uniforms())
    model.setVertexCount(this.getNumInstances())
    model.draw(this.context.renderPass)
  }

  override finalizeState(context: LayerContext) {
    super.finalizeState(context)
    this.state.model?.destroy()
  }

  private buildModel() {
    return new Model(this.context.device, {
      ...this.getShaders(),
      id: this.props.id,
      bufferLayout: this.getAttributeManager()!.getBufferLayouts(),
      topology: this.topology,
      vertexCount: 0,
      isInstanced: false,
    })
  }
}

/** A deck.gl colour (0–255, alpha optional) as the 0–1 vec4 a shader takes. */
export function unitColor(
  c: ArrayLike<number>,
): [number, number, number, number] {
  return [
    (c[0] ?? 0) / 255,
    (c[1] ?? 0) / 255,
    (c[2] ?? 0) / 255,
    (c[3] ?? 255) / 255,
  ]
}

type UniformType = 'f32' | 'vec4<f32>'
const GLSL: Record<UniformType, string> = { f32: 'float', 'vec4<f32>': 'vec4' }

/**
 * A shader module holding one uniform block, `<name>.<field>` in both shaders, written from
 * its field types so the GLSL and luma.gl's layout cannot disagree.
 */
export function uniformModule<T extends object>(
  name: string,
  fields: { [K in keyof T]: UniformType },
) {
  const body = Object.entries(fields as Record<string, UniformType>)
    .map(([field, type]) => `  ${GLSL[type]} ${field};`)
    .join('\n')
  const block = `layout(std140) uniform ${name}Uniforms {\n${body}\n} ${name};\n`
  return {
    name,
    vs: block,
    fs: block,
    uniformTypes: fields,
  } as unknown as ShaderModule<T>
}

/** The `positions` attribute (lon/lat, 64-bit where deck.gl needs it) every map layer here reads. */
export function positionsAttribute(layer: Layer) {
  return {
    size: 3,
    type: 'float64',
    fp64: layer.use64bitPositions(),
    accessor: 'getPosition',
  } as const
}
