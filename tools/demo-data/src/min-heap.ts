/** A binary min-heap of (priority, value) pairs; equal priorities pop in insertion order. */
export class MinHeap {
  private priority: number[] = []
  private value: number[] = []
  private order: number[] = []
  private pushed = 0

  get size(): number {
    return this.value.length
  }

  push(priority: number, value: number): void {
    this.priority.push(priority)
    this.value.push(value)
    this.order.push(this.pushed++)
    let i = this.value.length - 1
    while (i > 0) {
      const p = (i - 1) >> 1
      if (!this.less(i, p)) break
      this.swap(i, p)
      i = p
    }
  }

  /** The smallest priority; Infinity when empty. */
  peekPriority(): number {
    return this.priority[0] ?? Infinity
  }

  /** The value with the smallest priority, without removing it; undefined when empty. */
  peek(): number | undefined {
    return this.value[0]
  }

  pop(): number | undefined {
    const top = this.value[0]
    const last = this.value.length - 1
    if (last < 0) return undefined
    this.swap(0, last)
    this.priority.pop()
    this.value.pop()
    this.order.pop()
    let i = 0
    for (;;) {
      const l = 2 * i + 1
      const r = l + 1
      let m = i
      if (l < last && this.less(l, m)) m = l
      if (r < last && this.less(r, m)) m = r
      if (m === i) break
      this.swap(i, m)
      i = m
    }
    return top
  }

  private less(a: number, b: number): boolean {
    const pa = this.priority[a] as number
    const pb = this.priority[b] as number
    return (
      pa < pb ||
      (pa === pb && (this.order[a] as number) < (this.order[b] as number))
    )
  }

  private swap(a: number, b: number): void {
    for (const arr of [this.priority, this.value, this.order]) {
      const t = arr[a] as number
      arr[a] = arr[b] as number
      arr[b] = t
    }
  }
}
