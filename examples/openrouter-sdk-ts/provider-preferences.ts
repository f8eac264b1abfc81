import { OpenRouter } from '@openrouter/sdk'
import { OpenRouterError } from '@openrouter/sdk/models/errors'

// Don't put keys in code: read your OpenRouter API key from the environment.
const apiKey = process.env.OPENROUTER_API_KEY
if (!apiKey) {
  console.error(
    'OPENROUTER_API_KEY is not set: create a key at https://openrouter.ai/keys and export it.',
  )
  process.exit(1)
}

const openRouter = new OpenRouter({
  apiKey,
  // Give up on server errors after 5 seconds; by default this SDK keeps retrying for an hour.
  retryConfig: {
    strategy: 'backoff',
    backoff: { initialInterval: 500, maxInterval: 2000, exponent: 1.5, maxElapsedTime: 5000 },
    retryConnectionErrors: true,
  },
})

try {
  const completion = await openRouter.chat.send({
    // The SDK's result has no `provider` field: router metadata is how it says who served.
    xOpenRouterMetadata: 'enabled',
    chatRequest: {
      model: 'meta-llama/llama-3.3-70b-instruct',
      // Provider routing: try Groq first, and no other provider if it cannot serve.
      provider: { order: ['groq'], allowFallbacks: false },
      messages: [{ role: 'user', content: 'Say this is a test' }],
    },
  })

  // chat.send returns a completion, or a stream when `stream: true` is set.
  if (!('choices' in completion)) throw new Error('expected a completion, got a stream')
  const selected = completion.openrouterMetadata?.endpoints.available.find((e) => e.selected)
  console.log(`Provider: ${selected?.provider}`)
  console.log(completion.choices[0]?.message.content)
} catch (error) {
  // API errors carry OpenRouter's error body: { error: { code, message } }.
  if (error instanceof OpenRouterError) {
    const body = JSON.parse(error.body) as { error?: { message?: string } }
    console.error(`Error ${error.statusCode}: ${body.error?.message ?? error.message}`)
    process.exit(1)
  }
  throw error
}
