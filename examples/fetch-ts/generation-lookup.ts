// Don't put keys in code: read your OpenRouter API key from the environment.
const apiKey = process.env.OPENROUTER_API_KEY
if (!apiKey) {
  console.error(
    'OPENROUTER_API_KEY is not set: create a key at https://openrouter.ai/keys and export it.',
  )
  process.exit(1)
}

const response = await fetch('https://openrouter.ai/api/v1/chat/completions', {
  method: 'POST',
  headers: {
    Authorization: `Bearer ${apiKey}`,
    'Content-Type': 'application/json',
  },
  body: JSON.stringify({
    model: 'openai/gpt-5.2',
    messages: [{ role: 'user', content: 'Say this is a test' }],
  }),
})

// API errors carry OpenRouter's error body: { error: { code, message } }.
if (!response.ok) {
  const body = (await response.json()) as { error: { message: string } }
  console.error(`Error ${response.status}: ${body.error.message}`)
  process.exit(1)
}

const completion = (await response.json()) as {
  id: string
  choices: { message: { content: string } }[]
}
console.log(completion.choices[0]?.message.content)

// What OpenRouter recorded about that generation, looked up by the answer's id.
const lookup = await fetch(
  `https://openrouter.ai/api/v1/generation?id=${encodeURIComponent(completion.id)}`,
  { headers: { Authorization: `Bearer ${apiKey}` } },
)
if (!lookup.ok) {
  const body = (await lookup.json()) as { error: { message: string } }
  console.error(`Error ${lookup.status}: ${body.error.message}`)
  process.exit(1)
}

type Stats = {
  id: string
  model: string
  provider_name: string
  tokens_prompt: number
  tokens_completion: number
  total_cost: number
}
const { data: stats } = (await lookup.json()) as { data: Stats }
console.log(`Generation ${stats.id}: ${stats.model} by ${stats.provider_name}`)
console.log(`Tokens: ${stats.tokens_prompt} prompt, ${stats.tokens_completion} completion`)
console.log(`Cost: $${stats.total_cost.toFixed(6)}`)
