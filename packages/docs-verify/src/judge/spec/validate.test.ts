import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadSpecs } from './load.ts'
import type { SpecIssue, SpecOperation } from '../../types.ts'

const text = `openapi: 3.1.0
info: { title: things, version: '1' }
servers:
  - url: https://example.test/v2
paths:
  /things:
    get:
      parameters:
        - { name: limit, in: query, schema: { type: integer } }
        - { name: tags, in: query, explode: false, schema: { type: array, items: { type: string, enum: [a, b] } } }
        - { name: X-Team, in: header, required: true, schema: { type: string } }
      responses:
        '200':
          content:
            application/json:
              schema: { type: array, items: { $ref: '#/components/schemas/Thing' } }
    post:
      requestBody:
        required: true
        content:
          application/json:
            schema: { $ref: '#/components/schemas/NewThing' }
          multipart/form-data:
            schema: { type: object }
      responses:
        '2XX':
          content:
            application/json:
              schema: { $ref: '#/components/schemas/Thing' }
            text/event-stream:
              schema: { $ref: '#/components/schemas/ThingEvent' }
              x-speakeasy-sse-sentinel: '[END]'
components:
  schemas:
    NewThing:
      type: object
      required: [name, color]
      properties:
        name: { type: string }
        color:
          type: string
          enum: [red, green, blue, cyan, magenta, yellow]
        size: { type: integer }
        temperature: { type: number }
    Thing:
      allOf:
        - $ref: '#/components/schemas/NewThing'
        - type: object
          required: [id]
          properties:
            id: { type: string }
            shape: { $ref: '#/components/schemas/Shape' }
            labels: { type: object, additionalProperties: { type: string } }
    Shape:
      oneOf:
        - type: object
          required: [kind, radius]
          properties:
            kind: { const: circle }
            radius: { type: number }
        - type: object
          required: [kind, width, height]
          properties:
            kind: { const: rect }
            width: { type: number }
            height: { type: number }
    ThingEvent:
      type: object
      required: [data]
      properties:
        event: { type: string, enum: [thing] }
        data: { $ref: '#/components/schemas/Thing' }
`
const file = join(mkdtempSync(join(tmpdir(), 'spec-validate-')), 'things.yaml')
writeFileSync(file, text)
const spec = loadSpecs([file])
const lineWith = (needle: string) => text.split('\n').findIndex((line) => line.includes(needle)) + 1

const things = spec.operationOf('POST', '/v2/things') as SpecOperation
const list = spec.operationOf('GET', '/v2/things') as SpecOperation
const json: [string, string][] = [['Content-Type', 'application/json']]
const post = (body: unknown, headers = json) =>
  spec.checkRequest({ method: 'POST', path: '/v2/things', headers, body: JSON.stringify(body) })
    .issues
const get = (query: string, headers: [string, string][] = [['x-team', 'core']]) =>
  spec.checkRequest({ method: 'GET', path: `/v2/things${query}`, headers, body: '' }).issues
const brief = (issues: SpecIssue[]) =>
  issues.map(({ severity, field, message }) => ({ severity, field, message }))
const thing = { name: 'a', color: 'red', id: 't1' }

describe('checkRequest', () => {
  it('holds the body to the schema as written: type, required, enum', () => {
    expect(brief(post({ name: 'a', color: 'purple', size: '2' }))).toEqual([
      {
        severity: 'failure',
        field: 'color',
        message: 'must be one of "red", "green", "blue", "cyan", "magenta", … (is "purple")',
      },
      { severity: 'failure', field: 'size', message: 'must be integer (is "2")' },
    ])
    expect(brief(post({ name: 'a' }))).toEqual([
      { severity: 'failure', field: 'color', message: 'is required and missing' },
    ])
  })

  it('says at which line of the spec the schema is', () => {
    const [issue] = post({ name: 'a', color: 'purple' })
    expect(issue?.schemaPath).toBe('/components/schemas/NewThing/properties/color/enum')
    expect(issue?.where).toEqual({ file, line: lineWith('enum: [red, green') })
  })

  it('only warns of a field the schema does not declare, with the name it may have meant', () => {
    const [issue] = post({ name: 'a', color: 'red', temprature: 1 })
    expect(issue).toMatchObject({
      severity: 'warning',
      field: 'temprature',
      message: 'is a field the spec does not have (did you mean "temperature"?)',
      where: { line: lineWith('required: [name, color]') + 1 },
    })
  })

  it('judges no multipart body, and asks for a required one', () => {
    expect(post({ anything: 1 }, [['content-type', 'multipart/form-data; boundary=x']])).toEqual([])
    expect(
      brief(
        spec.checkRequest({ method: 'POST', path: '/v2/things', headers: json, body: '' }).issues,
      ),
    ).toEqual([{ severity: 'failure', field: '', message: 'is required: the request has no body' }])
  })

  it('reads query values as their types, and asks for a required header whatever its case', () => {
    expect(get('?limit=2&tags=a,b')).toEqual([])
    expect(brief(get('?limit=two&tags=a,c'))).toEqual([
      { severity: 'failure', field: 'query.limit', message: 'must be integer (is "two")' },
      { severity: 'failure', field: 'query.tags/1', message: 'must be one of "a", "b" (is "c")' },
    ])
    expect(brief(get('', []))).toEqual([
      { severity: 'failure', field: 'header.X-Team', message: 'is required and missing' },
    ])
  })
})

describe('checkResponse', () => {
  it('holds a JSON answer to its status, a range standing for it', () => {
    expect(spec.checkResponse(things, 201, 'application/json', JSON.stringify(thing))).toEqual([])
    expect(
      brief(
        spec.checkResponse(
          things,
          200,
          'application/json',
          JSON.stringify({ ...thing, size: 1.5 }),
        ),
      ),
    ).toEqual([{ severity: 'failure', field: 'size', message: 'must be integer (is 1.5)' }])
    // Not listed: the spec is silent.
    expect(spec.checkResponse(things, 500, 'application/json', '{}')).toEqual([])
  })

  it('holds each event of a stream to the envelope, past comments and the sentinel', () => {
    const event = (data: unknown) => `event: thing\ndata: ${JSON.stringify(data)}\n\n`
    const stream = `: keep-alive\n\n${event(thing)}${event({ ...thing, color: 'pink' })}data: [END]\n\ndata: [DONE]\n\n`
    expect(brief(spec.checkResponse(things, 200, 'text/event-stream', stream))).toEqual([
      {
        severity: 'failure',
        field: 'data/color',
        message:
          'must be one of "red", "green", "blue", "cyan", "magenta", … (is "pink") (in event 2)',
      },
    ])
    expect(
      brief(spec.checkResponse(things, 200, 'text/event-stream', 'event: other\ndata: {}\n\n')),
    ).toContainEqual(expect.objectContaining({ field: 'event', severity: 'failure' }))
  })
})

describe('checkExample', () => {
  it('fails a request example for a field the schema does not declare', () => {
    const { issues } = spec.checkExample(things, 'request', {
      name: 'a',
      color: 'red',
      temprature: 1,
    })
    expect(brief(issues)).toEqual([
      {
        severity: 'failure',
        field: 'temprature',
        message: 'is a field the spec does not have (did you mean "temperature"?)',
      },
    ])
  })

  it('holds a response example to every rule but what it leaves out', () => {
    const { issues } = spec.checkExample(things, 'response', {
      name: 'a',
      colour: 'red',
      size: 'L',
    })
    expect(brief(issues)).toEqual([
      { severity: 'failure', field: 'size', message: 'must be integer (is "L")' },
      {
        severity: 'failure',
        field: 'colour',
        message: 'is a field the spec does not have (did you mean "color"?)',
      },
      {
        severity: 'warning',
        field: '',
        message: 'leaves out "color", which the spec requires: an abridged example?',
      },
      {
        severity: 'warning',
        field: '',
        message: 'leaves out "id", which the spec requires: an abridged example?',
      },
    ])
  })

  it('sees fields through allOf, and allows what additionalProperties allows', () => {
    const example = { ...thing, labels: { any: 'x' }, shape: { kind: 'circle', radius: 1 } }
    expect(spec.checkExample(things, 'response', example)).toEqual({ fit: 1, issues: [] })
  })

  it('reports the oneOf branch the value meant, or the tags there are', () => {
    const rect = { ...thing, shape: { kind: 'rect', width: 1, height: 'tall' } }
    expect(brief(spec.checkExample(things, 'response', rect).issues)).toEqual([
      { severity: 'failure', field: 'shape/height', message: 'must be number (is "tall")' },
    ])
    const deeper = { ...thing, shape: { ...rect.shape, depth: 2 } }
    expect(brief(spec.checkExample(things, 'response', deeper).issues)).toEqual([
      { severity: 'failure', field: 'shape/depth', message: 'is a field the spec does not have' },
      { severity: 'failure', field: 'shape/height', message: 'must be number (is "tall")' },
    ])
    const triangle = { ...thing, shape: { kind: 'triangle', sides: 3 } }
    const [issue, ...rest] = spec.checkExample(things, 'response', triangle).issues
    expect(issue).toMatchObject({
      field: 'shape/kind',
      message: 'must be one of "circle", "rect" (is "triangle")',
    })
    expect(issue?.where.line).toBe(lineWith('oneOf:'))
    expect(rest.filter((other) => other.severity === 'failure')).toEqual([])
  })

  it('holds a stream example to the event data', () => {
    const { issues } = spec.checkExample(
      things,
      'response',
      { ...thing, extra: 1 },
      { stream: true },
    )
    expect(brief(issues)).toEqual([
      { severity: 'failure', field: 'extra', message: 'is a field the spec does not have' },
    ])
  })

  it('says how much a value looks like the schema', () => {
    expect(spec.checkExample(things, 'request', { name: 'a', color: 'red' }).fit).toBe(1)
    expect(
      spec.checkExample(things, 'request', { name: 'a', color: 'red', tone: 1 }).fit,
    ).toBeGreaterThanOrEqual(0.5)
    const config = { compilerOptions: { strict: true }, include: ['src'] }
    expect(spec.checkExample(things, 'request', config).fit).toBe(0)
    expect(spec.checkExample(things, 'request', 'hello').fit).toBe(0)
    expect(spec.checkExample(list, 'response', [thing]).fit).toBe(1)
  })

  it('lists the schemas an operation has for examples', () => {
    expect(spec.exampleSchemas(things)).toEqual([
      { role: 'request' },
      { role: 'response', status: 200 },
      { role: 'response', status: 200, stream: true },
    ])
    expect(spec.exampleSchemas(list)).toEqual([{ role: 'response', status: 200 }])
  })
})
