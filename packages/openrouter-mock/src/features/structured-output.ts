import { jsonInstance } from './json-instance.ts'

export type ResponseFormat =
  | { type: 'text' }
  | { type: 'json_object' }
  | { type: 'json_schema'; json_schema: { name: string; schema?: object; strict?: boolean | null } }

// What the model writes when asked for structured output: JSON valid against the schema, or a
// JSON object when only JSON is asked for. Undefined for plain text.
export const structuredContent = (
  format: ResponseFormat | undefined,
  reply: string,
  seed: string,
): string | undefined => {
  if (format?.type === 'json_schema') {
    return JSON.stringify(jsonInstance(format.json_schema.schema ?? { type: 'object' }, seed))
  }
  if (format?.type === 'json_object') return JSON.stringify({ answer: reply })
  return undefined
}
