// Don't put keys in code: read your OpenRouter API key from the environment.
const apiKey = process.env.OPENROUTER_API_KEY
if (!apiKey) {
  console.error(
    'OPENROUTER_API_KEY is not set: create a key at https://openrouter.ai/keys and export it.',
  )
  process.exit(1)
}

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

const response = await fetch('https://openrouter.ai/api/v1/chat/completions', {
  method: 'POST',
  headers: {
    Authorization: `Bearer ${apiKey}`,
    'Content-Type': 'application/json',
  },
  body: JSON.stringify({
    model: 'openai/gpt-5.2',
    messages: [{ role: 'user', content: 'What is the weather in Paris?' }],
    response_format: {
      type: 'json_schema',
      json_schema: { name: 'weather', strict: true, schema: weatherSchema },
    },
  }),
})

// API errors carry OpenRouter's error body: { error: { code, message } }.
if (!response.ok) {
  const body = (await response.json()) as { error: { message: string } }
  console.error(`Error ${response.status}: ${body.error.message}`)
  process.exit(1)
}

const completion = (await response.json()) as { choices: { message: { content: string } }[] }
const weather = JSON.parse(completion.choices[0]!.message.content) as Record<string, unknown>
for (const [field, value] of Object.entries(weather)) console.log(`${field}: ${value}`)
