import { createOpenRouter } from '@openrouter/ai-sdk-provider'
import { APICallError, RetryError, streamText } from 'ai'

// Don't put keys in code: read your OpenRouter API key from the environment.
const apiKey = process.env.OPENROUTER_API_KEY
if (!apiKey) {
  console.error(
    'OPENROUTER_API_KEY is not set: create a key at https://openrouter.ai/keys and export it.',
  )
  process.exit(1)
}

const openrouter = createOpenRouter({ apiKey })

const { fullStream } = streamText({
  model: openrouter('openai/gpt-5.2'),
  prompt: 'Say this is a test',
  // streamText never throws: an error, before the stream or during it, arrives in it, in order.
  // Without this, streamText would also log each one.
  onError: () => {},
})

for await (const part of fullStream) {
  if (part.type === 'text-delta') process.stdout.write(part.text)
  if (part.type === 'error') {
    process.stdout.write('\n')
    // The AI SDK retries rate limits and server errors twice, then reports the last error.
    const error = RetryError.isInstance(part.error) ? part.error.lastError : part.error
    console.error(errorLine(error))
    process.exit(1)
  }
}
process.stdout.write('\n')

// API errors carry OpenRouter's error body: { error: { code, message } }; an error after the stream
// started is that error itself, its code standing for the status.
function errorLine(error: unknown) {
  if (APICallError.isInstance(error)) {
    const body = JSON.parse(error.responseBody ?? '{}') as { error?: { message?: string } }
    return `Error ${error.statusCode}: ${body.error?.message ?? error.message}`
  }
  const { code, message } = error as { code?: number; message?: string }
  return `Error ${code}: ${message}`
}
