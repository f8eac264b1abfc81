// The generations the mock has issued, so `GET /generation?id=…` can describe them as OpenRouter
// does. Bounded: the oldest are forgotten first, so a long run's memory stays flat.
export type GenerationRecord = {
  id: string
  model: string
  provider: string
  // Unix seconds, from the mock's fixed clock.
  created: number
  api: 'chat' | 'responses' | 'messages' | 'embeddings' | 'completions'
  streamed: boolean
  finishReason: string | null
  promptTokens: number
  completionTokens: number
  reasoningTokens: number
  cost: number
  // The key that paid for it: OpenRouter shows a generation only to its own account.
  key: string
}

export class GenerationStore {
  readonly #records = new Map<string, GenerationRecord>()
  readonly capacity: number

  constructor(capacity = 1_000) {
    this.capacity = capacity
  }

  remember(record: GenerationRecord) {
    this.#records.delete(record.id)
    this.#records.set(record.id, record)
    if (this.#records.size > this.capacity) {
      const oldest = this.#records.keys().next().value
      if (oldest !== undefined) this.#records.delete(oldest)
    }
  }

  find(id: string): GenerationRecord | undefined {
    return this.#records.get(id)
  }

  get size() {
    return this.#records.size
  }
}
