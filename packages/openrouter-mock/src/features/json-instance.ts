import { createHash } from 'node:crypto'
import { generateSync, type JsonSchema } from 'json-schema-faker'

// A JSON value valid against `schema`, the same for the same schema and seed: tool-call arguments,
// structured outputs and answers synthesized from an operation's schema all come from here.
// Optional properties are filled so a reader sees every field a schema offers.
export const jsonInstance = (schema: object, seed: string): unknown =>
  generateSync(schema as JsonSchema, {
    seed: seedOf(seed),
    alwaysFakeOptionals: true,
    fixedProbabilities: true,
    useDefaultValue: true,
    useExamplesValue: true,
    maxItems: 2,
    maxDepth: 24,
  })

const seedOf = (text: string) => createHash('sha256').update(text).digest().readUInt32BE(0)
