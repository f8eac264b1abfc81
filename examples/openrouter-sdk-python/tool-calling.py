import json
import os
import sys

from openrouter import OpenRouter
from openrouter.errors import OpenRouterError
from openrouter.utils import BackoffStrategy, RetryConfig

# Don't put keys in code: read your OpenRouter API key from the environment.
api_key = os.environ.get("OPENROUTER_API_KEY")
if not api_key:
    sys.exit("OPENROUTER_API_KEY is not set: create a key at https://openrouter.ai/keys and export it.")

client = OpenRouter(
    api_key=api_key,
    # Give up on server errors after 5 seconds; by default this SDK keeps retrying for an hour.
    retry_config=RetryConfig("backoff", BackoffStrategy(500, 2000, 1.5, 5000), True),
)

# The tool the model may call: described to the model, run here.
tools = [
    {
        "type": "function",
        "function": {
            "name": "get_weather",
            "description": "Get the current weather in a city",
            "parameters": {
                "type": "object",
                "properties": {"city": {"type": "string", "description": "The city name"}},
                "required": ["city"],
                "additionalProperties": False,
            },
        },
    }
]


def get_weather(city):
    return {"city": city, "temperature": 18, "conditions": "sunny"}


# Models now and then write arguments that are not JSON: say so rather than guess.
def parse_arguments(name, arguments):
    try:
        return json.loads(arguments)
    except json.JSONDecodeError:
        sys.exit(f"Error: {name} was called with arguments that are not JSON: {arguments}")


try:
    messages = [{"role": "user", "content": "What is the weather in Paris?"}]
    first = client.chat.send(model="openai/gpt-5.2", messages=messages, tools=tools)

    # The model asks for the tool: run it, then send back its call and the result.
    message = first.choices[0].message
    messages.append(message)
    for call in message.tool_calls:
        print(f"Tool call: {call.function.name}({call.function.arguments})")
        result = get_weather(**parse_arguments(call.function.name, call.function.arguments))
        messages.append({"role": "tool", "tool_call_id": call.id, "content": json.dumps(result)})

    answer = client.chat.send(model="openai/gpt-5.2", messages=messages, tools=tools)
    print(f"Answer: {answer.choices[0].message.content}")
except OpenRouterError as error:
    # API errors carry OpenRouter's error body: { error: { code, message } }.
    sys.exit(f"Error {error.status_code}: {json.loads(error.body)['error']['message']}")
