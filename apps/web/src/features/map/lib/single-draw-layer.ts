import {
  Layer,
  type LayerContext,
  type LayerProps,
  type UpdateParameters,
} from '@deck.gl/core'
import { Model } from '@luma.gl/engine'

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
  /** Shader module props for this draw, by module name. */
  protected abstract uniforms(): Record<string, Record<string, unknown>>

  override getShaders() {
    return super.getShaders(this.shaderSource())
  }

  override initializeState() {
    this.getAttributeManager()!.add({
      positions: {
        size: 3,
        type: 'float64',
        fp64: this.use64bitPositions(),
        accessor: 'getPosition',
      },
    })
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
