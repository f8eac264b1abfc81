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
  const response = await openRouter.embeddings.generate({
    requestBody: {
      model: 'openai/text-embedding-3-small',
      input: 'The quick brown fox jumps over the lazy dog',
    },
  })

  // embeddings.generate returns the vectors, or a text body when the server sends one.
  if (typeof response === 'string') throw new Error(`expected embeddings, got: ${response}`)
  const vector = response.data[0]!.embedding as number[]
  console.log(`Dimensions: ${vector.length}`)
  console.log(
    `First values: ${vector
      .slice(0, 3)
      .map((value) => value.toFixed(4))
      .join(', ')}`,
  )
} catch (error) {
  // API errors carry OpenRouter's error body: { error: { code, message } }.
  if (error instanceof OpenRouterError) {
    const body = JSON.parse(error.body) as { error?: { message?: string } }
    console.error(`Error ${error.statusCode}: ${body.error?.message ?? error.message}`)
    process.exit(1)
  }
  throw error
}
