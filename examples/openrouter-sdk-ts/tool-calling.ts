import { OpenRouter } from '@openrouter/sdk'
import type { ChatMessages, ChatFunctionTool } from '@openrouter/sdk/models'
import { OpenRouterError } from '@openrouter/sdk/models/errors'

// Don't put keys in code: read your OpenRouter API key from the environment.
const apiKey = process.env.OPENROUTER_API_KEY
if (!apiKey) {
  console.error(
    'OPENROUTER_API_KEY is not set: create a key at https://openrouter.ai/keys and export it.',
  )
  process.exit(1)
}

const openRouter = new OpenRouter({
  apiKey,
  // Give up on server errors after 5 seconds; by default this SDK keeps retrying for an hour.
  retryConfig: {
    strategy: 'backoff',
    backoff: { initialInterval: 500, maxInterval: 2000, exponent: 1.5, maxElapsedTime: 5000 },
    retryConnectionErrors: true,
  },
})

// The tool the model may call: described to the model, run here.
const tools: ChatFunctionTool[] = [
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

const complete = async (messages: ChatMessages[]) => {
  const completion = await openRouter.chat.send({
    chatRequest: { model: 'openai/gpt-5.2', messages, tools },
  })
  // chat.send returns a completion, or a stream when `stream: true` is set.
  if (!('choices' in completion)) throw new Error('expected a completion, got a stream')
  return completion.choices[0]!.message
}

try {
  const messages: ChatMessages[] = [{ role: 'user', content: 'What is the weather in Paris?' }]
  const message = await complete(messages)

  // The model asks for the tool: run it, then send back its call and the result.
  messages.push(message)
  for (const call of message.toolCalls ?? []) {
    console.log(`Tool call: ${call.function.name}(${call.function.arguments})`)
    const result = getWeather(parseArguments(call.function) as { city: string })
    messages.push({ role: 'tool', toolCallId: call.id, content: JSON.stringify(result) })
  }

  const answer = await complete(messages)
  console.log(`Answer: ${answer.content}`)
} catch (error) {
  // API errors carry OpenRouter's error body: { error: { code, message } }.
  if (error instanceof OpenRouterError) {
    const body = JSON.parse(error.body) as { error?: { message?: string } }
    console.error(`Error ${error.statusCode}: ${body.error?.message ?? error.message}`)
    process.exit(1)
  }
  throw error
}
