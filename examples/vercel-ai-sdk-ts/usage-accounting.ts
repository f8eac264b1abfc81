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
  const { text, usage, providerMetadata } = await generateText({
    model: openrouter('openai/gpt-5.2'),
    prompt: 'Say this is a test',
  })

  console.log(text)
  console.log(
    `Tokens: ${usage.inputTokens} prompt, ${usage.outputTokens} completion, ${usage.totalTokens} total`,
  )
  // Every answer says what it cost (in USD); the provider passes it on as OpenRouter's metadata.
  const cost = (providerMetadata?.openrouter?.usage as { cost?: number } | undefined)?.cost
  console.log(`Cost: $${cost?.toFixed(6)}`)
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
