// Don't put keys in code: read your OpenRouter API key from the environment.
const apiKey = process.env.OPENROUTER_API_KEY
if (!apiKey) {
  console.error(
    'OPENROUTER_API_KEY is not set: create a key at https://openrouter.ai/keys and export it.',
  )
  process.exit(1)
}

const response = await fetch('https://openrouter.ai/api/v1/responses', {
  method: 'POST',
  headers: {
    Authorization: `Bearer ${apiKey}`,
    'Content-Type': 'application/json',
  },
  body: JSON.stringify({
    model: 'openai/gpt-5.2',
    input: 'Say this is a test',
    stream: true,
  }),
})

// API errors carry OpenRouter's error body: { error: { code, message } }.
if (!response.ok) {
  const body = (await response.json()) as { error: { message: string } }
  console.error(`Error ${response.status}: ${body.error.message}`)
  process.exit(1)
}

type StreamEvent = { type: string; delta?: string }

// Server-sent events: `event: <type>` and `data: <json>` lines; the answer's text comes as
// response.output_text.delta events.
const decoder = new TextDecoder()
let buffer = ''
for await (const bytes of response.body!) {
  buffer += decoder.decode(bytes, { stream: true })
  const lines = buffer.split('\n')
  buffer = lines.pop()!
  for (const line of lines) {
    if (!line.startsWith('data: ') || line === 'data: [DONE]') continue
    const event = JSON.parse(line.slice('data: '.length)) as StreamEvent
    if (event.type === 'response.output_text.delta') process.stdout.write(event.delta ?? '')
  }
}
process.stdout.write('\n')
