import OpenAI from 'openai'
import type { ChatCompletionMessageParam, ChatCompletionTool } from 'openai/resources'

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

// The tool the model may call: described to the model, run here.
const tools: ChatCompletionTool[] = [
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

// Models now and then write arguments that are not JSON: say so rather than guess.
const parseArguments = (call: { name: string; arguments: string }): unknown => {
  try {
    return JSON.parse(call.arguments)
  } catch {
    console.error(
      `Error: ${call.name} was called with arguments that are not JSON: ${call.arguments}`,
    )
    process.exit(1)
  }
}

try {
  const messages: ChatCompletionMessageParam[] = [
    { role: 'user', content: 'What is the weather in Paris?' },
  ]
  const first = await openai.chat.completions.create({
    model: 'openai/gpt-5.2',
    messages,
    tools,
  })

  // The model asks for the tool: run it, then send back its call and the result.
  const message = first.choices[0]!.message
  messages.push(message)
  for (const call of message.tool_calls ?? []) {
    if (call.type !== 'function') continue
    console.log(`Tool call: ${call.function.name}(${call.function.arguments})`)
    const result = getWeather(parseArguments(call.function) as { city: string })
    messages.push({ role: 'tool', tool_call_id: call.id, content: JSON.stringify(result) })
  }

  const answer = await openai.chat.completions.create({
    model: 'openai/gpt-5.2',
    messages,
    tools,
  })
  console.log(`Answer: ${answer.choices[0]?.message.content}`)
} catch (error) {
  // API errors carry OpenRouter's error body: { error: { code, message } }.
  if (error instanceof OpenAI.APIError) {
    const body = error.error as { code?: number; message?: string } | undefined
    console.error(`Error ${error.status ?? body?.code}: ${body?.message ?? error.message}`)
    process.exit(1)
  }
  throw error
}
