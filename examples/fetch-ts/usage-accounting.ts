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

// Every answer says what it used and what it cost (in USD); no opt-in is needed.
type Usage = {
  prompt_tokens: number
  completion_tokens: number
  total_tokens: number
  cost: number
}
const completion = (await response.json()) as {
  choices: { message: { content: string } }[]
  usage: Usage
}
const { usage } = completion
console.log(completion.choices[0]?.message.content)
console.log(
  `Tokens: ${usage.prompt_tokens} prompt, ${usage.completion_tokens} completion, ${usage.total_tokens} total`,
)
console.log(`Cost: $${usage.cost.toFixed(6)}`)
