import { createHash } from 'node:crypto'
import { textOf, type ChatMessage } from '../replies.ts'
import { seedOf } from '../seed.ts'
import { jsonInstance } from './json-instance.ts'

export type FunctionTool = {
  type: 'function'
  function: { name: string; description?: string; parameters?: object }
}
export type ToolCall = {
  id: string
  type: 'function'
  function: { name: string; arguments: string }
}
export type ToolChoice =
  'none' | 'auto' | 'required' | { type: 'function'; function: { name: string } }

// The model asks for a tool when it has tools, may use them, and has not yet had an answer from
// one since the user last spoke; once the results are in, it answers in words.
export const toolCallsFor = (
  tools: readonly FunctionTool[] | undefined,
  choice: ToolChoice | undefined,
  messages: readonly ChatMessage[],
): ToolCall[] => {
  if (!tools?.length || choice === 'none') return []
  const lastUser = messages.findLastIndex((message) => message.role === 'user')
  if (messages.slice(lastUser + 1).some((message) => message.role === 'tool')) return []
  const prompt = textOf(messages[lastUser]?.content)
  // A malformed choice (no `function`) names no tool, as an unknown name names none.
  const named = typeof choice === 'object' ? choice?.function?.name : undefined
  const tool =
    tools.find((candidate) => candidate.function.name === named) ?? relevantTool(tools, prompt)
  const seed = seedOf(tool.function, prompt)
  return [
    {
      id: `call_${createHash('sha256').update(seed).digest('hex').slice(0, 24)}`,
      type: 'function',
      function: {
        name: tool.function.name,
        arguments: JSON.stringify(argumentsFor(tool.function.parameters, prompt, seed)),
      },
    },
  ]
}

// The tool whose name and description share the most words with the prompt (the first on a tie).
const relevantTool = (tools: readonly FunctionTool[], prompt: string) => {
  const words = new Set(prompt.toLowerCase().match(/[a-z]+/g) ?? [])
  const score = (tool: FunctionTool) =>
    `${tool.function.name} ${tool.function.description ?? ''}`
      .toLowerCase()
      .match(/[a-z]+/g)
      ?.filter((word) => word.length > 3 && words.has(word)).length ?? 0
  return tools.reduce((best, tool) => (score(tool) > score(best) ? tool : best), tools[0]!)
}

// Arguments valid against the tool's schema, readable where the prompt says what they are: a free
// string takes the prompt's proper noun ("weather in Paris" → "Paris") or its last words.
const argumentsFor = (parameters: object | undefined, prompt: string, seed: string) => {
  const schema = (parameters ?? { type: 'object', properties: {} }) as {
    properties?: Record<
      string,
      { type?: unknown; enum?: unknown; const?: unknown; format?: unknown }
    >
  }
  const value = jsonInstance(schema, seed) as Record<string, unknown>
  if (!value || typeof value !== 'object') return value
  const subject =
    properNoun(prompt) ??
    prompt
      .replace(/[?.!]+$/, '')
      .split(/\s+/)
      .slice(-2)
      .join(' ')
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    const free =
      property.type === 'string' && !property.enum && !('const' in property) && !property.format
    if (free && name in value) value[name] = subject
  }
  return value
}

const properNoun = (prompt: string) =>
  prompt
    .split(/\s+/)
    .slice(1)
    .map((word) => word.replace(/[^\p{L}\p{N}-]/gu, ''))
    .find((word) => /^\p{Lu}/u.test(word))

// The final answer once tools have answered: what each returned, in words.
export const answerFromToolResults = (messages: readonly ChatMessage[]) => {
  const lastUser = messages.findLastIndex((message) => message.role === 'user')
  const results = messages.slice(lastUser + 1).filter((message) => message.role === 'tool')
  return `Here is what I found: ${results.map((result) => describeResult(textOf(result.content))).join('; ')}.`
}

const describeResult = (text: string) => {
  try {
    const value = JSON.parse(text) as unknown
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      return Object.entries(value)
        .map(
          ([name, item]) =>
            `${name} ${typeof item === 'object' ? JSON.stringify(item) : String(item)}`,
        )
        .join(', ')
    }
    return String(value)
  } catch {
    return text.trim()
  }
}
