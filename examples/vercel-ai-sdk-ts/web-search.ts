import { createOpenRouter } from '@openrouter/ai-sdk-provider'
import { APICallError, generateText, RetryError } from 'ai'

// Don't put keys in code: read your OpenRouter API key from the environment.
const apiKey = process.env.OPENROUTER_API_KEY
if (!apiKey) {
  console.error(
    'OPENROUTER_API_KEY is not set: create a key at https://openrouter.ai/keys and export it.',
  )
  process.exit(1)
}

const openrouter = createOpenRouter({ apiKey })

try {
  const { text, sources } = await generateText({
    // The web plugin searches first; the answer cites its sources, which the SDK lists.
    model: openrouter('openai/gpt-5.2', { plugins: [{ id: 'web' }] }),
    prompt: 'What is the meaning of life?',
  })

  console.log(text)
  console.log('Sources:')
  for (const source of sources) {
    if (source.sourceType === 'url') console.log(`- ${source.title}: ${source.url}`)
  }
} catch (error) {
  // The AI SDK retries rate limits and server errors twice, then reports the last error.
  const cause = RetryError.isInstance(error) ? error.lastError : error
  // API errors carry OpenRouter's error body: { error: { code, message } }.
  if (APICallError.isInstance(cause)) {
    const body = JSON.parse(cause.responseBody ?? '{}') as { error?: { message?: string } }
    console.error(`Error ${cause.statusCode}: ${body.error?.message ?? cause.message}`)
    process.exit(1)
  }
  throw error
}
