import { readFileSync } from 'node:fs'
import { Ajv2020 } from 'ajv/dist/2020.js'
import { parse } from 'yaml'
import type { Behaviour, LimitReset } from '@conformance/openrouter-mock'
import type { CanonicalRequest } from '@conformance/common'
import { scenariosFile } from './paths.ts'

export type KeySpec = {
  limit?: number
  usage?: number
  limitReset?: LimitReset
  revoked?: boolean
  accountBalance?: number
  behaviour?: Behaviour
}

export type CountRange = { min: number; max: number }
export type RequestCount =
  number | CountRange | ({ default: number | CountRange } & Record<string, number | CountRange>)

export type ExpectedOutput = { stdout: string; stderr: string; exitCode: number }

export type Scenario = {
  name: string
  description: string
  program: string
  key: KeySpec | false
  request: CanonicalRequest | null
  // The requests that follow the first, in order: a tool loop sends the tool's result back.
  followUps?: CanonicalRequest[]
  requests: RequestCount
  output: ExpectedOutput
  timeoutSeconds?: number
  // Styles that cannot express this scenario, each with why: their cells are shown, never run.
  notApplicable?: Record<string, string>
  // Per style, what it sends differently by design (a dotted path into the canonical request),
  // each with why: compared as the scenario's, and reported on the cell.
  acceptedDifferences?: Record<string, Record<string, string>>
  // Per style, what it does differently by design (its follow-ups, its count, its output), with
  // why: that style is held to these instead, and the cell says so.
  styleExpectations?: Record<string, StyleExpectation>
}

export type StyleExpectation = {
  why: string
  followUps?: CanonicalRequest[]
  requests?: number | CountRange
  output?: ExpectedOutput
}

// The scenario as one style must meet it: the catalogue's expectations, with that style's own.
export const expectationsFor = (scenario: Scenario, style: string): Scenario => {
  const own = scenario.styleExpectations?.[style]
  if (!own) return scenario
  const { why: _why, ...fields } = own
  return { ...scenario, ...fields }
}

const count = {
  oneOf: [
    { type: 'integer', minimum: 0 },
    {
      type: 'object',
      required: ['min', 'max'],
      additionalProperties: false,
      properties: { min: { type: 'integer', minimum: 0 }, max: { type: 'integer', minimum: 0 } },
    },
  ],
}

const canonicalRequest = {
  type: 'object',
  required: ['method', 'path', 'headers', 'body'],
  additionalProperties: false,
  properties: {
    method: { type: 'string' },
    path: { type: 'string' },
    headers: { type: 'object', additionalProperties: { type: 'string' } },
    body: {},
  },
}

const expectedOutput = {
  type: 'object',
  required: ['stdout', 'stderr', 'exitCode'],
  additionalProperties: false,
  properties: {
    stdout: { type: 'string' },
    stderr: { type: 'string' },
    exitCode: { type: 'integer' },
  },
}

// The catalogue's own schema: a typo in scenarios.yaml fails loudly instead of testing nothing.
const catalogueSchema = {
  type: 'object',
  required: ['scenarios'],
  properties: {
    scenarios: {
      type: 'object',
      minProperties: 1,
      additionalProperties: {
        type: 'object',
        required: ['description', 'program', 'key', 'request', 'requests', 'output'],
        additionalProperties: false,
        properties: {
          description: { type: 'string' },
          notApplicable: {
            type: 'object',
            additionalProperties: { type: 'string', minLength: 1 },
          },
          acceptedDifferences: {
            type: 'object',
            additionalProperties: {
              type: 'object',
              propertyNames: { pattern: '^(headers|body)(\\.[^.]+)+$' },
              additionalProperties: { type: 'string', minLength: 1 },
            },
          },
          program: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]*$' },
          key: {
            oneOf: [
              { const: false },
              {
                type: 'object',
                additionalProperties: false,
                properties: {
                  limit: { type: 'number' },
                  usage: { type: 'number' },
                  limitReset: { enum: ['daily', 'weekly', 'monthly', null] },
                  revoked: { type: 'boolean' },
                  accountBalance: { type: 'number' },
                  behaviour: { type: 'object', required: ['kind'] },
                },
              },
            ],
          },
          request: { oneOf: [{ type: 'null' }, canonicalRequest] },
          followUps: { type: 'array', minItems: 1, items: canonicalRequest },
          requests: {
            oneOf: [count, { type: 'object', required: ['default'], additionalProperties: count }],
          },
          output: expectedOutput,
          timeoutSeconds: { type: 'number', exclusiveMinimum: 0 },
          styleExpectations: {
            type: 'object',
            additionalProperties: {
              type: 'object',
              required: ['why'],
              minProperties: 2,
              additionalProperties: false,
              properties: {
                why: { type: 'string', minLength: 1 },
                followUps: { type: 'array', items: canonicalRequest },
                requests: count,
                output: expectedOutput,
              },
            },
          },
        },
      },
    },
  },
}

const validate = new Ajv2020({ allErrors: true }).compile(catalogueSchema)

export const loadScenarios = (file = scenariosFile): Scenario[] => {
  const document = parse(readFileSync(file, 'utf8'), { merge: true })
  if (!validate(document)) {
    const problems = validate.errors?.map(
      (error) => `${error.instancePath || '/'} ${error.message}`,
    )
    throw new Error(`${file} is not a valid scenario catalogue:\n  ${problems?.join('\n  ')}`)
  }
  const { scenarios } = document as { scenarios: Record<string, Omit<Scenario, 'name'>> }
  const loaded = Object.entries(scenarios).map(([name, scenario]) => ({ name, ...scenario }))
  const problems = [...new Set(loaded.flatMap(followUpProblems))]
  if (problems.length > 0) {
    throw new Error(`${file} is not a valid scenario catalogue:\n  ${problems.join('\n  ')}`)
  }
  return loaded
}

// Follow-ups continue a first request, and every style must be allowed to send them all.
const followUpProblems = (scenario: Scenario): string[] => {
  const styles = [
    ...new Set([
      'default',
      ...(typeof scenario.requests === 'object' && 'default' in scenario.requests
        ? Object.keys(scenario.requests)
        : []),
      ...Object.keys(scenario.styleExpectations ?? {}),
    ]),
  ]
  return styles.flatMap((style) => {
    const expected = expectationsFor(scenario, style)
    const steps = expected.followUps?.length ?? 0
    if (steps === 0) return []
    if (scenario.request === null)
      return [`/scenarios/${scenario.name} has followUps but no request`]
    return allowedCount(expected.requests, style).min < 1 + steps
      ? [
          `/scenarios/${scenario.name}/requests allows ${style === 'default' ? '' : `${style} `}fewer than the ${1 + steps} requests its followUps need`,
        ]
      : []
  })
}

export const allowedCount = (requests: RequestCount, style: string): CountRange => {
  const forStyle =
    typeof requests === 'object' && 'default' in requests
      ? (requests[style] ?? requests.default)
      : requests
  return typeof forStyle === 'number' ? { min: forStyle, max: forStyle } : forStyle
}
