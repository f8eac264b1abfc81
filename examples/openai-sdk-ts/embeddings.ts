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
  const { data } = await openai.embeddings.create({
    model: 'openai/text-embedding-3-small',
    input: 'The quick brown fox jumps over the lazy dog',
  })

  const vector = data[0]!.embedding
  console.log(`Dimensions: ${vector.length}`)
  console.log(
    `First values: ${vector
      .slice(0, 3)
      .map((value) => value.toFixed(4))
      .join(', ')}`,
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
