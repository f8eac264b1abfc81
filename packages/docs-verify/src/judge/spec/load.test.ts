import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { loadSpecs } from './load.ts'

const folder = mkdtempSync(join(tmpdir(), 'spec-load-'))
const written = (name: string, text: string) => {
  writeFileSync(join(folder, name), text)
  return join(folder, name)
}
// The 1-based line of the first line of a file that has the text.
const lineWith = (file: string, text: string) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .findIndex((line) => line.includes(text)) + 1
const op = (id: string) => `{ operationId: ${id}, responses: { '200': { description: ok } } }`

const first = written(
  'first.yaml',
  `openapi: 3.1.0
info: { title: first, version: '1' }
servers:
  - url: https://example.test/api/v2/
paths:
  /things:
    get: ${op('listThings')}
    post: ${op('createThing')}
  /things/{id}:
    get: ${op('getThing')}
    delete: ${op('deleteThing')}
  /things/count:
    get: ${op('countThings')}
  /things/{id}/parts/{part}:
    get: ${op('getPart')}
`,
)
const second = written(
  'second.json',
  JSON.stringify(
    {
      openapi: '3.1.0',
      info: { title: 'second', version: '1' },
      servers: [{ url: 'https://example.test/api/v2' }],
      paths: {
        '/things': { get: { operationId: 'listAgain', responses: {} } },
        '/widgets': { put: { operationId: 'putWidget', responses: {} } },
      },
    },
    null,
    2,
  ),
)
const spec = loadSpecs([first, second])
const idOf = (method: string, path: string) => spec.operationOf(method, path)?.operationId

describe('operationOf', () => {
  it('strips the server base path and the query', () => {
    expect(idOf('GET', '/api/v2/things?limit=2')).toBe('listThings')
    expect(idOf('post', 'https://example.test/api/v2/things')).toBe('createThing')
  })

  it('tries a path without the base path as it is', () => {
    expect(idOf('GET', '/things/abc')).toBe('getThing')
  })

  it('matches templates, a literal segment beating a template one', () => {
    expect(idOf('DELETE', '/api/v2/things/abc123')).toBe('deleteThing')
    expect(idOf('GET', '/api/v2/things/count')).toBe('countThings')
    expect(idOf('GET', '/api/v2/things/a%20b/parts/7')).toBe('getPart')
    expect(idOf('GET', '/api/v2/things/abc/parts')).toBeUndefined()
  })

  it('names the operation with its pointer and line', () => {
    const operation = spec.operationOf('GET', '/api/v2/things/{id}')
    expect(operation).toMatchObject({
      method: 'get',
      path: '/things/{id}',
      pointer: '/paths/~1things~1{id}/get',
    })
    expect(operation?.where).toEqual({ file: first, line: 10 })
  })
})

describe('several documents', () => {
  it('merge by path: a later one adds paths, the first of a duplicate wins and is reported', () => {
    expect(idOf('PUT', '/api/v2/widgets')).toBe('putWidget')
    expect(idOf('GET', '/api/v2/things')).toBe('listThings')
    expect(spec.problems).toEqual([
      expect.stringMatching(/^GET \/things is in .*first\.yaml and .*second\.json/),
    ])
    expect(spec.operations().map((operation) => operation.operationId)).toHaveLength(7)
  })

  it('map a pointer to the line of its key, in YAML and in JSON', () => {
    expect(spec.where(first, '/paths/~1things~1count/get').line).toBe(13)
    expect(spec.where(second, '/paths/~1widgets/put').line).toBe(lineWith(second, '"put"'))
    // Past what the source has: the deepest part it has.
    expect(spec.where(first, '/paths/~1things/nothing/here').line).toBe(6)
  })
})

describe('a spec request', () => {
  it('to an unknown path or method is one failure, naming the methods the path has', () => {
    expect(
      spec.checkRequest({ method: 'GET', path: '/api/v2/nothing', headers: [], body: '' }).issues,
    ).toEqual([
      expect.objectContaining({
        severity: 'failure',
        message: 'the spec has no GET /api/v2/nothing',
      }),
    ])
    const [issue] = spec.checkRequest({
      method: 'PATCH',
      path: '/api/v2/things/1?x=1',
      headers: [],
      body: '',
    }).issues
    expect(issue?.message).toBe(
      'the spec has no PATCH /api/v2/things/1 (/things/{id} has GET, DELETE)',
    )
    expect(issue?.where).toEqual({ file: first, line: 9 })
  })
})

describe('a document that does not load', () => {
  it('throws, naming the file and the line', () => {
    const broken = written('broken.yaml', 'openapi: 3.1.0\npaths:\n  /a:\n    get: [unclosed\n')
    expect(() => loadSpecs([broken])).toThrow(/broken\.yaml:\d+: not YAML or JSON/)
    expect(() => loadSpecs([written('other.yaml', 'just: text\n')])).toThrow(
      /other\.yaml:1: not an OpenAPI/,
    )
    expect(() => loadSpecs([join(folder, 'absent.yaml')])).toThrow(/absent\.yaml: cannot be read/)
  })
})

// The site's own published spec, where this checkout has it: generic checks only.
const shared = '/work/shared/docs-under-test/site/openapi/openapi.yaml'
describe.skipIf(!existsSync(shared))('the shared spec', () => {
  it('loads, finds its own operations, and takes a request built from its own example', () => {
    const site = loadSpecs([shared])
    const document = parse(readFileSync(shared, 'utf8')) as {
      servers?: { url: string }[]
      paths: Record<
        string,
        Record<string, { requestBody?: { content?: Record<string, { example?: unknown }> } }>
      >
    }
    const base = new URL(document.servers?.[0]?.url ?? 'http://x').pathname.replace(/\/$/, '')
    const withExample = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item).flatMap(([method, operation]) => {
        const example = operation.requestBody?.content?.['application/json']?.example
        return example === undefined ? [] : [{ path, method, example }]
      }),
    )
    const [chosen] = withExample
    expect(chosen).toBeDefined()
    if (!chosen) return
    const sent = base + chosen.path.replace(/\{[^}]+\}/g, 'x')
    expect(site.operationOf(chosen.method, sent)?.path).toBe(chosen.path)
    const { issues } = site.checkRequest({
      method: chosen.method,
      path: sent,
      headers: [['Content-Type', 'application/json']],
      body: JSON.stringify(chosen.example),
    })
    expect(
      issues.filter((issue) => issue.severity === 'failure' && !issue.field.includes('.')),
    ).toEqual([])
  })
})
