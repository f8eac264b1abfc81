import json
import os
import sys

import requests

# Don't put keys in code: read your OpenRouter API key from the environment.
api_key = os.environ.get("OPENROUTER_API_KEY")
if not api_key:
    sys.exit("OPENROUTER_API_KEY is not set: create a key at https://openrouter.ai/keys and export it.")

response = requests.post(
    "https://openrouter.ai/api/v1/chat/completions",
    headers={"Authorization": f"Bearer {api_key}"},
    json={
        "model": "openai/gpt-5.2",
        "messages": [{"role": "user", "content": "Say this is a test"}],
        "stream": True,
    },
    stream=True,
    timeout=60,
)

# API errors carry OpenRouter's error body: { error: { code, message } }.
if not response.ok:
    sys.exit(f"Error {response.status_code}: {response.json()['error']['message']}")

# Server-sent events: `data: <json>` lines, `: comment` keep-alives, and `data: [DONE]` at the end.
for raw in response.iter_lines():
    line = raw.decode("utf-8")
    if not line.startswith("data: ") or line == "data: [DONE]":
        continue
    chunk = json.loads(line[len("data: ") :])
    # An error after the stream started arrives as a chunk; the HTTP status was already 200.
    if "error" in chunk:
        print()
        sys.exit(f"Error {chunk['error']['code']}: {chunk['error']['message']}")
    if chunk["choices"]:
        print(chunk["choices"][0]["delta"].get("content") or "", end="", flush=True)
print()
