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
    stream: true,
  }),
})

// API errors carry OpenRouter's error body: { error: { code, message } }.
if (!response.ok) {
  const body = (await response.json()) as { error: { message: string } }
  console.error(`Error ${response.status}: ${body.error.message}`)
  process.exit(1)
}

type Chunk = {
  choices: { delta: { content?: string } }[]
  error?: { code: number; message: string }
}

// Server-sent events: `data: <json>` lines, `: comment` keep-alives, and `data: [DONE]` at the end.
const decoder = new TextDecoder()
let buffer = ''
for await (const bytes of response.body!) {
  buffer += decoder.decode(bytes, { stream: true })
  const lines = buffer.split('\n')
  buffer = lines.pop()!
  for (const line of lines) {
    if (!line.startsWith('data: ') || line === 'data: [DONE]') continue
    const chunk = JSON.parse(line.slice('data: '.length)) as Chunk
    // An error after the stream started arrives as a chunk; the HTTP status was already 200.
    if (chunk.error) {
      process.stdout.write('\n')
      console.error(`Error ${chunk.error.code}: ${chunk.error.message}`)
      process.exit(1)
    }
    process.stdout.write(chunk.choices[0]?.delta.content ?? '')
  }
}
process.stdout.write('\n')
