import json
import os
import sys

import requests

# Don't put keys in code: read your OpenRouter API key from the environment.
api_key = os.environ.get("OPENROUTER_API_KEY")
if not api_key:
    sys.exit("OPENROUTER_API_KEY is not set: create a key at https://openrouter.ai/keys and export it.")

response = requests.post(
    "https://openrouter.ai/api/v1/responses",
    headers={"Authorization": f"Bearer {api_key}"},
    json={
        "model": "openai/gpt-5.2",
        "input": "Say this is a test",
        "stream": True,
    },
    stream=True,
    timeout=60,
)

# API errors carry OpenRouter's error body: { error: { code, message } }.
if not response.ok:
    sys.exit(f"Error {response.status_code}: {response.json()['error']['message']}")

# Server-sent events: `event: <type>` and `data: <json>` lines; the answer's text comes as
# response.output_text.delta events.
for raw in response.iter_lines():
    line = raw.decode("utf-8")
    if not line.startswith("data: ") or line == "data: [DONE]":
        continue
    event = json.loads(line[len("data: ") :])
    if event["type"] == "response.output_text.delta":
        print(event["delta"], end="", flush=True)
print()
