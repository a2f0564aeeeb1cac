/** Max-heap of item indices by demand (the greedy's watch lists), growing by doubling. */
export class DemandHeap {
  private data = new Int32Array(16)
  size = 0
  constructor(private readonly d: Float64Array) {}

  top(): number {
    return this.data[0]!
  }

  push(x: number): void {
    if (this.size === this.data.length) {
      const next = new Int32Array(this.data.length * 2)
      next.set(this.data)
      this.data = next
    }
    const { data, d } = this
    let at = this.size++
    while (at > 0) {
      const parent = (at - 1) >> 1
      if (d[data[parent]!]! >= d[x]!) break
      data[at] = data[parent]!
      at = parent
    }
    data[at] = x
  }

  pop(): void {
    const { data, d } = this
    const x = data[--this.size]!
    let at = 0
    for (;;) {
      let child = 2 * at + 1
      if (child >= this.size) break
      if (child + 1 < this.size && d[data[child + 1]!]! > d[data[child]!]!)
        child++
      if (d[data[child]!]! <= d[x]!) break
      data[at] = data[child]!
      at = child
    }
    data[at] = x
  }
}

/**
 * Max-heap of greedy candidates by regret, then demand, then lower index; entries carry the
 * item's evaluation version so outdated ones are skipped when popped (lazy deletion).
 */
export class RegretHeap {
  private items = new Int32Array(64)
  private vers = new Int32Array(64)
  private keys = new Float64Array(64)
  size = 0
  constructor(private readonly demand: Float64Array) {}

  private above(x: number, y: number): boolean {
    const kx = this.keys[x]!
    const ky = this.keys[y]!
    if (kx !== ky) return kx > ky
    const ix = this.items[x]!
    const iy = this.items[y]!
    const dx = this.demand[ix]!
    const dy = this.demand[iy]!
    return dx !== dy ? dx > dy : ix < iy
  }

  private swap(x: number, y: number): void {
    const i = this.items[x]!
    this.items[x] = this.items[y]!
    this.items[y] = i
    const v = this.vers[x]!
    this.vers[x] = this.vers[y]!
    this.vers[y] = v
    const k = this.keys[x]!
    this.keys[x] = this.keys[y]!
    this.keys[y] = k
  }

  push(item: number, key: number, ver: number): void {
    if (this.size === this.items.length) {
      const grow = <T extends Int32Array | Float64Array>(a: T, b: T): T => {
        b.set(a)
        return b
      }
      this.items = grow(this.items, new Int32Array(this.size * 2))
      this.vers = grow(this.vers, new Int32Array(this.size * 2))
      this.keys = grow(this.keys, new Float64Array(this.size * 2))
    }
    let x = this.size++
    this.items[x] = item
    this.vers[x] = ver
    this.keys[x] = key
    while (x > 0) {
      const parent = (x - 1) >> 1
      if (!this.above(x, parent)) break
      this.swap(x, parent)
      x = parent
    }
  }

  topItem(): number {
    return this.items[0]!
  }

  topVer(): number {
    return this.vers[0]!
  }

  pop(): void {
    this.size--
    if (this.size === 0) return
    this.swap(0, this.size)
    let x = 0
    for (;;) {
      const l = 2 * x + 1
      if (l >= this.size) break
      const r = l + 1
      const top = r < this.size && this.above(r, l) ? r : l
      if (!this.above(top, x)) break
      this.swap(top, x)
      x = top
    }
  }
}
