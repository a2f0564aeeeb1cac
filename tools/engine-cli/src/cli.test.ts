import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  type Io,
  USAGE,
  designCommand,
  runCli,
  scoreCommand,
  stateGraphCommand,
} from './cli.js'

const dir = mkdtempSync(join(tmpdir(), 'engine-cli-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const file = (name: string) => join(dir, name)

function captureIo(): Io & { out: string[]; err: string } {
  const io = {
    out: [] as string[],
    err: '',
    stdout: (line: string) => void io.out.push(line),
    stderr: (text: string) => void (io.err += text),
  }
  return io
}

/** A 6 × 5 grid of unit squares in node-link format, numeric ids, GerryChain attribute names. */
function gridGraph(cols = 6, rows = 5) {
  const id = (c: number, r: number) => r * cols + c
  const nodes = []
  const links = []
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) {
      nodes.push({
        id: id(c, r),
        TOTPOP: 100 + ((c * 7 + r * 3) % 5) * 20,
        C_X: -93 + c * 0.1,
        C_Y: 42 + r * 0.1,
        area: 1,
        perimeter: 4,
      })
      if (c + 1 < cols)
        links.push({ source: id(c, r), target: id(c + 1, r), shared_perim: 1 })
      if (r + 1 < rows)
        links.push({ source: id(c, r), target: id(c, r + 1), shared_perim: 1 })
    }
  return { directed: false, multigraph: false, graph: {}, nodes, links }
}

const scoreArgv = (graph: string, weight: string, plan: string) => [
  'score',
  ...['--graph', graph, '--weight', weight, '--plan', plan],
]

let plans = 0

function designAndScore(
  graph: string,
  weight: string,
  parts: number,
  tolerance = 0.01,
) {
  const io = captureIo()
  const out = file(`plan-${++plans}.json`)
  const designed = designCommand(
    { graph, weight, parts, tolerance, seed: 1, out },
    io,
  )
  const scored = scoreCommand({ graph, weight, plan: out }, io)
  const plan = JSON.parse(readFileSync(out, 'utf8')) as {
    assignment: Record<string, number>
  }
  return { designed, scored, plan, io }
}

describe('design and score', () => {
  it('round-trip on a hand-made grid', () => {
    writeFileSync(file('grid.json'), JSON.stringify(gridGraph()))
    const { designed, scored, plan, io } = designAndScore(
      file('grid.json'),
      'TOTPOP',
      4,
    )
    expect(Object.keys(plan.assignment)).toHaveLength(30)
    expect(new Set(Object.values(plan.assignment))).toEqual(
      new Set([0, 1, 2, 3]),
    )
    expect(designed.contiguous).toBe(true)
    expect(designed.infeasible).toBeNull()
    expect(scored).toEqual({
      parts: 4,
      maxDevPct: expect.closeTo(designed.maxDevPct, 9),
      contiguous: true,
      pieces: 4,
      cutEdges: designed.cutEdges,
      polsbyPopperMean: expect.closeTo(designed.polsbyPopperMean!, 9),
    })
    // One JSON line each on stdout; progress on stderr.
    expect(io.out).toHaveLength(2)
    expect(Object.keys(JSON.parse(io.out[0]!))).toEqual([
      'parts',
      'maxDevPct',
      'contiguous',
      'pieces',
      'cutEdges',
      'polsbyPopperMean',
      'ms',
      'infeasible',
    ])
    expect(io.err).toMatch(/design: 100%\n$/)
  })
})

describe('state-graph', () => {
  const iowa = file('ia.json')
  beforeAll(async () => {
    const io = captureIo()
    expect(await stateGraphCommand({ state: 'ia', out: iowa }, io)).toEqual({
      state: 'IA',
      nodes: 99,
      edges: expect.any(Number),
    })
  })

  it('writes a graph GerryChain can read: adjacency format with km attributes', () => {
    const g = JSON.parse(readFileSync(iowa, 'utf8')) as {
      directed: boolean
      nodes: Record<string, unknown>[]
      adjacency: { id: string; shared_perim: number }[][]
    }
    expect(g.directed).toBe(false)
    expect(g.nodes[0]).toEqual({
      id: '19001',
      name: 'Adair',
      population: expect.any(Number),
      x: expect.closeTo(-94.47, 1),
      y: expect.closeTo(41.33, 1),
      area: expect.closeTo(1474, -2),
      perimeter: expect.any(Number),
    })
    expect(g.nodes.every((n) => (n['population'] as number) >= 1000)).toBe(true)
    expect(g.adjacency).toHaveLength(99)
    // Symmetric: b lists a whenever a lists b, with the same shared border.
    const ids = g.nodes.map((n) => n['id'])
    g.adjacency.forEach((list, i) => {
      for (const { id, shared_perim } of list) {
        const back = g.adjacency[ids.indexOf(id)]!.find((e) => e.id === ids[i])
        expect(back?.shared_perim).toBe(shared_perim)
      }
    })
  })

  it('round-trips on Iowa’s 99 counties in 4 parts at ±1 %', () => {
    const { designed, scored, plan } = designAndScore(iowa, 'population', 4)
    expect(Object.keys(plan.assignment)).toHaveLength(99)
    expect(designed.contiguous).toBe(true)
    expect(scored.contiguous).toBe(true)
    expect(scored.pieces).toBe(4)
    expect(scored.maxDevPct).toBeCloseTo(designed.maxDevPct, 9)
    expect(scored.cutEdges).toBe(designed.cutEdges)
    expect(scored.polsbyPopperMean).toBeGreaterThan(0.2)
  })

  // Real county graphs with city-population weights reach ±0.5 % where whole counties allow
  // it (Iowa in 5 cannot: Polk County alone is 99.1 % of a fifth, the best possible).
  it.each([
    ['ia', 4],
    ['ga', 4],
    ['ga', 5],
  ] as const)(
    'designs %s in %i contiguous parts within ±0.5 percent in seconds',
    async (state, parts) => {
      const graph = file(`${state}-05.json`)
      await stateGraphCommand({ state, out: graph }, captureIo())
      const started = performance.now()
      const { designed, scored } = designAndScore(
        graph,
        'population',
        parts,
        0.005,
      )
      expect(performance.now() - started).toBeLessThan(10_000)
      expect(designed.infeasible).toBeNull()
      expect(scored.maxDevPct).toBeLessThanOrEqual(0.5)
      expect(scored.contiguous).toBe(true)
      expect(scored.pieces).toBe(parts)
    },
  )
})

describe('runCli', () => {
  it('prints usage and exits 2 on bad arguments', async () => {
    for (const command of [
      '',
      'carve',
      'design --graph g.json',
      'design --graph g --weight w --parts 0 --tolerance 0.1 --out o',
      'design --graph g --weight w --parts 2 --tolerance 5 --out o',
      'design --graph g --weight w --parts 2 --tolerance 0.1 --out o --seed -1',
      'score --graph g --weight w --plan p --parts 3',
      'score --nope',
      'state-graph --state XX --out o',
    ]) {
      const argv = command === '' ? [] : command.split(' ')
      const io = captureIo()
      expect(await runCli(argv, io)).toBe(2)
      expect(io.err).toContain(USAGE)
      expect(io.err).not.toMatch(/\n\s+at /)
    }
    const io = captureIo()
    await runCli(['design', '--graph', 'g.json'], io)
    expect(io.err).toMatch(
      /^engine: design needs --weight, --parts, --tolerance, --out\n/,
    )
  })

  it('exits 1 with a message naming the file, node and field', async () => {
    writeFileSync(file('bad.json'), '{"nodes": [')
    writeFileSync(
      file('invalid.json'),
      JSON.stringify({
        nodes: [
          { id: 27053, x: -93, y: 45 },
          { id: 27001, TOTPOP: 5 },
        ],
        links: [{ source: 27053, target: 27002 }],
      }),
    )
    const cases: [string[], string][] = [
      [['--graph', file('missing.json')], 'cannot read graph file'],
      [['--graph', file('bad.json')], 'is not valid JSON'],
      [
        ['--graph', file('invalid.json')],
        [
          `engine: graph file "${file('invalid.json')}": the graph has 4 problems:`,
          '  edge "27053"–"27002": node "27002" is not in "nodes"',
          '  node "27053": weight attribute "TOTPOP" is missing',
          '  node "27001": centroid attribute "x" is missing',
          '  node "27001": centroid attribute "y" is missing',
        ].join('\n'),
      ],
    ]
    for (const [graphArgs, message] of cases) {
      const io = captureIo()
      const argv = ['score', ...graphArgs, '--weight', 'TOTPOP', '--plan', 'p']
      expect(await runCli(argv, io)).toBe(1)
      expect(io.err).toContain(message)
      expect(io.err).not.toContain('usage:')
    }
  })

  it('reads Python’s bare NaN, reporting it only where it is used', async () => {
    const g = JSON.stringify(gridGraph(2, 1)).replace(
      '"perimeter":4',
      '"perimeter":4,"other":NaN',
    )
    writeFileSync(file('nan.json'), g)
    writeFileSync(file('nan-plan.json'), '{"assignment": {"0": 0, "1": 1}}')
    const io = captureIo()
    const argv = scoreArgv(file('nan.json'), 'TOTPOP', file('nan-plan.json'))
    expect(await runCli(argv, io)).toBe(0)
    expect(io.err).toContain('has bare NaN or Infinity')
    const bad = captureIo()
    expect(
      await runCli(
        scoreArgv(file('nan.json'), 'other', file('nan-plan.json')),
        bad,
      ),
    ).toBe(1)
    expect(bad.err).toContain(
      'node "0": weight attribute "other" is not finite (NaN)',
    )
  })

  it('checks the plan against the graph, accepting string parts and bare mappings', async () => {
    writeFileSync(file('grid.json'), JSON.stringify(gridGraph(2, 2)))
    const score = async (plan: unknown) => {
      writeFileSync(file('plan.json'), JSON.stringify(plan))
      const io = captureIo()
      const code = await runCli(
        scoreArgv(file('grid.json'), 'TOTPOP', file('plan.json')),
        io,
      )
      return { code, io }
    }
    const good = await score({ 0: 'north', 1: 'north', 2: 'south', 3: 'south' })
    expect(good.code).toBe(0)
    expect(JSON.parse(good.io.out[0]!)).toMatchObject({
      parts: 2,
      contiguous: true,
      pieces: 2,
      cutEdges: 2,
    })
    const split = await score({ assignment: { 0: 0, 1: 1, 2: 1, 3: 0 } })
    expect(JSON.parse(split.io.out[0]!)).toMatchObject({
      contiguous: false,
      pieces: 4,
    })
    const bad = await score({
      assignment: { 0: 0, 1: 1.5, 2: null, 7: 0, x: 1 },
    })
    expect(bad.code).toBe(1)
    expect(bad.io.err).toBe(
      [
        `engine: plan file "${file('plan.json')}" does not fit the graph:`,
        '  node "1": part must be an integer or a string, got 1.5',
        '  node "2": part must be an integer or a string, got null',
        '  2 nodes are not in the graph: "7", "x"',
        '  1 node is not assigned: "3"',
      ].join('\n') + '\n',
    )
    expect((await score([1, 2])).io.err).toContain('must be a JSON object')
  })
})
