// Don't put keys in code: read your OpenRouter API key from the environment.
const apiKey = process.env.OPENROUTER_API_KEY
if (!apiKey) {
  console.error(
    'OPENROUTER_API_KEY is not set: create a key at https://openrouter.ai/keys and export it.',
  )
  process.exit(1)
}

// The tool the model may call: described to the model, run here.
const tools = [
  {
    type: 'function',
    function: {
      name: 'get_weather',
      description: 'Get the current weather in a city',
      parameters: {
        type: 'object',
        properties: { city: { type: 'string', description: 'The city name' } },
        required: ['city'],
        additionalProperties: false,
      },
    },
  },
]

const getWeather = ({ city }: { city: string }) => ({ city, temperature: 18, conditions: 'sunny' })

type ToolCall = { id: string; type: 'function'; function: { name: string; arguments: string } }
type Message = { role: string; content: string | null; tool_calls?: ToolCall[] }

// Models now and then write arguments that are not JSON: say so rather than guess.
const parseArguments = (call: ToolCall): unknown => {
  try {
    return JSON.parse(call.function.arguments)
  } catch {
    console.error(
      `Error: ${call.function.name} was called with arguments that are not JSON: ${call.function.arguments}`,
    )
    process.exit(1)
  }
}

const complete = async (messages: unknown[]): Promise<Message> => {
  const response = await fetch('https://openrouter.ai/api/v1/chat/completions', {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${apiKey}`,
      'Content-Type': 'application/json',
    },
    body: JSON.stringify({ model: 'openai/gpt-5.2', messages, tools }),
  })
  // API errors carry OpenRouter's error body: { error: { code, message } }.
  if (!response.ok) {
    const body = (await response.json()) as { error: { message: string } }
    console.error(`Error ${response.status}: ${body.error.message}`)
    process.exit(1)
  }
  const completion = (await response.json()) as { choices: { message: Message }[] }
  return completion.choices[0]!.message
}

const messages: unknown[] = [{ role: 'user', content: 'What is the weather in Paris?' }]
const first = await complete(messages)

// The model asks for the tool: run it, then send back its call and the result.
messages.push({ role: 'assistant', content: first.content, tool_calls: first.tool_calls })
for (const call of first.tool_calls ?? []) {
  console.log(`Tool call: ${call.function.name}(${call.function.arguments})`)
  const result = getWeather(parseArguments(call) as { city: string })
  messages.push({ role: 'tool', tool_call_id: call.id, content: JSON.stringify(result) })
}

const answer = await complete(messages)
console.log(`Answer: ${answer.content}`)
