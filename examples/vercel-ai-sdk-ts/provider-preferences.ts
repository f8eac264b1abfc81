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
  const { text, providerMetadata } = await generateText({
    // Provider routing: try Groq first, and no other provider if it cannot serve.
    model: openrouter('meta-llama/llama-3.3-70b-instruct', {
      provider: { order: ['groq'], allow_fallbacks: false },
    }),
    prompt: 'Say this is a test',
  })

  // The answer names the provider that served it; the SDK passes it on as OpenRouter's metadata.
  console.log(`Provider: ${providerMetadata?.openrouter?.provider}`)
  console.log(text)
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
