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

// The reply must be JSON that fits this schema.
const weatherSchema = {
  type: 'object',
  properties: {
    city: { type: 'string' },
    temperature: { type: 'number' },
    conditions: { type: 'string' },
  },
  required: ['city', 'temperature', 'conditions'],
  additionalProperties: false,
}

try {
  const completion = await openai.chat.completions.create({
    model: 'openai/gpt-5.2',
    messages: [{ role: 'user', content: 'What is the weather in Paris?' }],
    response_format: {
      type: 'json_schema',
      json_schema: { name: 'weather', strict: true, schema: weatherSchema },
    },
  })

  const weather = JSON.parse(completion.choices[0]?.message.content ?? '{}') as Record<
    string,
    unknown
  >
  for (const [field, value] of Object.entries(weather)) console.log(`${field}: ${value}`)
} catch (error) {
  // API errors carry OpenRouter's error body: { error: { code, message } }.
  if (error instanceof OpenAI.APIError) {
    const body = error.error as { code?: number; message?: string } | undefined
    console.error(`Error ${error.status ?? body?.code}: ${body?.message ?? error.message}`)
    process.exit(1)
  }
  throw error
}
