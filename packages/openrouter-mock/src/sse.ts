// Server-sent events as OpenRouter frames them: keep-alive comments while the provider works,
// one `data:` line per chunk, and a `[DONE]` sentinel unless the stream ends in an error.
const encoder = new TextEncoder()

export const keepAlive = ': OPENROUTER PROCESSING\n\n'

export const sseEvents = (chunks: readonly unknown[], { done = true } = {}) => [
  keepAlive,
  keepAlive,
  ...chunks.map((chunk) => `data: ${JSON.stringify(chunk)}\n\n`),
  ...(done ? ['data: [DONE]\n\n'] : []),
]

// Each event is its own write, so a client sees the reply arrive in pieces.
export const sseStream = (events: readonly string[]) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      for (const event of events) controller.enqueue(encoder.encode(event))
      controller.close()
    },
  })
