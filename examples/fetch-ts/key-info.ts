// Don't put keys in code: read your OpenRouter API key from the environment.
const apiKey = process.env.OPENROUTER_API_KEY
if (!apiKey) {
  console.error(
    'OPENROUTER_API_KEY is not set: create a key at https://openrouter.ai/keys and export it.',
  )
  process.exit(1)
}

// The key's own metadata: its credit limit and what it has used, in USD.
const response = await fetch('https://openrouter.ai/api/v1/key', {
  headers: { Authorization: `Bearer ${apiKey}` },
})

// API errors carry OpenRouter's error body: { error: { code, message } }.
if (!response.ok) {
  const body = (await response.json()) as { error: { message: string } }
  console.error(`Error ${response.status}: ${body.error.message}`)
  process.exit(1)
}

const { data } = (await response.json()) as {
  data: { limit: number | null; usage: number; limit_remaining: number | null }
}

const usd = (amount: number) => `$${amount.toFixed(2)}`
console.log(`Limit: ${data.limit === null ? 'none' : usd(data.limit)}`)
console.log(`Usage: ${usd(data.usage)}`)
console.log(`Remaining: ${data.limit_remaining === null ? 'unlimited' : usd(data.limit_remaining)}`)
