/** Disjoint sets over 0…n−1 (path halving; the smaller root wins, so results do not depend on order). */
export class UnionFind {
  private readonly parent: Int32Array

  constructor(n: number) {
    this.parent = Int32Array.from({ length: n }, (_, i) => i)
  }

  find(x: number): number {
    const p = this.parent
    while (p[x] !== x) {
      p[x] = p[p[x] as number] as number
      x = p[x] as number
    }
    return x
  }

  /** Joins the sets of `a` and `b`; false if they were already one. */
  union(a: number, b: number): boolean {
    const ra = this.find(a)
    const rb = this.find(b)
    if (ra === rb) return false
    this.parent[Math.max(ra, rb)] = Math.min(ra, rb)
    return true
  }
}
