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
  const completion = await openai.chat.completions.create({
    model: 'openai/gpt-5.2',
    messages: [{ role: 'user', content: 'Say this is a test' }],
  })

  console.log(completion.choices[0]?.message.content)

  // What OpenRouter recorded about that generation, looked up by the answer's id. The endpoint is
  // OpenRouter's, so the SDK has no method for it: its generic get sends it with the same key.
  type Stats = {
    id: string
    model: string
    provider_name: string
    tokens_prompt: number
    tokens_completion: number
    total_cost: number
  }
  const { data: stats } = await openai.get<{ data: Stats }>('/generation', {
    query: { id: completion.id },
  })
  console.log(`Generation ${stats.id}: ${stats.model} by ${stats.provider_name}`)
  console.log(`Tokens: ${stats.tokens_prompt} prompt, ${stats.tokens_completion} completion`)
  console.log(`Cost: $${stats.total_cost.toFixed(6)}`)
} catch (error) {
  // API errors carry OpenRouter's error body: { error: { code, message } }.
  if (error instanceof OpenAI.APIError) {
    const body = error.error as { code?: number; message?: string } | undefined
    console.error(`Error ${error.status ?? body?.code}: ${body?.message ?? error.message}`)
    process.exit(1)
  }
  throw error
}
