import json
import os
import sys

import requests

# Don't put keys in code: read your OpenRouter API key from the environment.
api_key = os.environ.get("OPENROUTER_API_KEY")
if not api_key:
    sys.exit("OPENROUTER_API_KEY is not set: create a key at https://openrouter.ai/keys and export it.")

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


# requests never retries: an error is reported as it comes.
def complete(messages):
    response = requests.post(
        "https://openrouter.ai/api/v1/chat/completions",
        headers={"Authorization": f"Bearer {api_key}"},
        json={"model": "openai/gpt-5.2", "messages": messages, "tools": tools},
        timeout=60,
    )
    # API errors carry OpenRouter's error body: { error: { code, message } }.
    if not response.ok:
        sys.exit(f"Error {response.status_code}: {response.json()['error']['message']}")
    return response.json()["choices"][0]["message"]


messages = [{"role": "user", "content": "What is the weather in Paris?"}]
first = complete(messages)

# The model asks for the tool: run it, then send back its call and the result.
messages.append(
    {"role": "assistant", "content": first["content"], "tool_calls": first["tool_calls"]}
)
for call in first["tool_calls"]:
    print(f"Tool call: {call['function']['name']}({call['function']['arguments']})")
    result = get_weather(**parse_arguments(call["function"]["name"], call["function"]["arguments"]))
    messages.append({"role": "tool", "tool_call_id": call["id"], "content": json.dumps(result)})

answer = complete(messages)
print(f"Answer: {answer['content']}")
