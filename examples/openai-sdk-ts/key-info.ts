import OpenAI from 'openai'

// Don't put keys in code: read your OpenRouter API key from the environment.
const apiKey = process.env.OPENROUTER_API_KEY
if (!apiKey) {
  console.error(
    'OPENROUTER_API_KEY is not set: create a key at https://openrouter.ai/keys and export it.',
  )
  process.exit(1)
}

// The SDK retries rate limits and server errors twice by default.
const openai = new OpenAI({
  baseURL: 'https://openrouter.ai/api/v1',
  apiKey,
})

try {
  // The key's own metadata: its credit limit and what it has used, in USD.
  // OpenRouter's /key has no OpenAI counterpart, so call it through the client's raw GET.
  const { data } = await openai.get<{
    data: { limit: number | null; usage: number; limit_remaining: number | null }
  }>('/key')

  const usd = (amount: number) => `$${amount.toFixed(2)}`
  console.log(`Limit: ${data.limit === null ? 'none' : usd(data.limit)}`)
  console.log(`Usage: ${usd(data.usage)}`)
  console.log(
    `Remaining: ${data.limit_remaining === null ? 'unlimited' : usd(data.limit_remaining)}`,
  )
} catch (error) {
  // API errors carry OpenRouter's error body: { error: { code, message } }.
  if (error instanceof OpenAI.APIError) {
    const body = error.error as { code?: number; message?: string } | undefined
    console.error(`Error ${error.status ?? body?.code}: ${body?.message ?? error.message}`)
    process.exit(1)
  }
  throw error
}
