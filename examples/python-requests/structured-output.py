import json
import os
import sys

import requests

# Don't put keys in code: read your OpenRouter API key from the environment.
api_key = os.environ.get("OPENROUTER_API_KEY")
if not api_key:
    sys.exit("OPENROUTER_API_KEY is not set: create a key at https://openrouter.ai/keys and export it.")

# requests never retries: an error is reported as it comes.
# The reply must be JSON that fits this schema.
weather_schema = {
    "type": "object",
    "properties": {
        "city": {"type": "string"},
        "temperature": {"type": "number"},
        "conditions": {"type": "string"},
    },
    "required": ["city", "temperature", "conditions"],
    "additionalProperties": False,
}

response = requests.post(
    "https://openrouter.ai/api/v1/chat/completions",
    headers={
        "Authorization": f"Bearer {api_key}",
    },
    json={
        "model": "openai/gpt-5.2",
        "messages": [{"role": "user", "content": "What is the weather in Paris?"}],
        "response_format": {
            "type": "json_schema",
            "json_schema": {"name": "weather", "strict": True, "schema": weather_schema},
        },
    },
    timeout=60,
)

# API errors carry OpenRouter's error body: { error: { code, message } }.
if not response.ok:
    sys.exit(f"Error {response.status_code}: {response.json()['error']['message']}")

weather = json.loads(response.json()["choices"][0]["message"]["content"])
for field, value in weather.items():
    print(f"{field}: {value}")
