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
  // The key's own metadata: its credit limit and what it has used, in USD.
  const { data } = await openRouter.apiKeys.getCurrentKeyMetadata()

  const usd = (amount: number) => `$${amount.toFixed(2)}`
  console.log(`Limit: ${data.limit === null ? 'none' : usd(data.limit)}`)
  console.log(`Usage: ${usd(data.usage)}`)
  console.log(`Remaining: ${data.limitRemaining === null ? 'unlimited' : usd(data.limitRemaining)}`)
} catch (error) {
  // API errors carry OpenRouter's error body: { error: { code, message } }.
  if (error instanceof OpenRouterError) {
    const body = JSON.parse(error.body) as { error?: { message?: string } }
    console.error(`Error ${error.statusCode}: ${body.error?.message ?? error.message}`)
    process.exit(1)
  }
  throw error
}
