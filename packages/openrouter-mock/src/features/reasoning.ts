import { createHash } from 'node:crypto'

export type ReasoningRequest = {
  reasoning?: { effort?: string; max_tokens?: number; enabled?: boolean; exclude?: boolean }
  reasoning_effort?: string
}

export type Reasoning = { text: string; shown: boolean }

// Whether the model thinks first, and what it thinks: asked for by `reasoning`, `reasoning_effort`
// or a `:thinking` model. `exclude` keeps the thinking (and its bill) but not its text. A higher
// effort thinks longer.
export const reasoningFor = (
  request: ReasoningRequest,
  thinkingModel: boolean,
  prompt: string,
): Reasoning | undefined => {
  const asked =
    thinkingModel ||
    request.reasoning_effort !== undefined ||
    (request.reasoning !== undefined && request.reasoning.enabled !== false)
  const effort = request.reasoning?.effort ?? request.reasoning_effort ?? 'medium'
  if (!asked || effort === 'none') return undefined
  const steps = { minimal: 1, low: 1, medium: 2, high: 3, xhigh: 4 }[effort] ?? 2
  const digest = createHash('sha256').update(prompt).digest('hex').slice(0, 6)
  const thoughts = [
    `The user asks: "${prompt.slice(0, 80)}".`,
    'I should answer directly and check the answer once.',
    'The facts needed are few; no tool is required.',
    `Consistency check ${digest} passes.`,
  ]
  return {
    text: thoughts.slice(0, steps + 1).join(' '),
    shown: request.reasoning?.exclude !== true,
  }
}
