// Don't put keys in code: read your OpenRouter API key from the environment.
const apiKey = process.env.OPENROUTER_API_KEY
if (!apiKey) {
  console.error(
    'OPENROUTER_API_KEY is not set: create a key at https://openrouter.ai/keys and export it.',
  )
  process.exit(1)
}

const response = await fetch('https://openrouter.ai/api/v1/embeddings', {
  method: 'POST',
  headers: {
    Authorization: `Bearer ${apiKey}`,
    'Content-Type': 'application/json',
  },
  body: JSON.stringify({
    model: 'openai/text-embedding-3-small',
    input: 'The quick brown fox jumps over the lazy dog',
  }),
})

// API errors carry OpenRouter's error body: { error: { code, message } }.
if (!response.ok) {
  const body = (await response.json()) as { error: { message: string } }
  console.error(`Error ${response.status}: ${body.error.message}`)
  process.exit(1)
}

const { data } = (await response.json()) as { data: { embedding: number[] }[] }
const vector = data[0]!.embedding
console.log(`Dimensions: ${vector.length}`)
console.log(
  `First values: ${vector
    .slice(0, 3)
    .map((value) => value.toFixed(4))
    .join(', ')}`,
)
