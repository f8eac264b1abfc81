import os
import sys

import requests

# Don't put keys in code: read your OpenRouter API key from the environment.
api_key = os.environ.get("OPENROUTER_API_KEY")
if not api_key:
    sys.exit("OPENROUTER_API_KEY is not set: create a key at https://openrouter.ai/keys and export it.")

# requests never retries: an error is reported as it comes.
response = requests.post(
    "https://openrouter.ai/api/v1/chat/completions",
    headers={
        "Authorization": f"Bearer {api_key}",
    },
    json={
        "model": "openai/gpt-5.2",
        "messages": [{"role": "user", "content": "Say this is a test"}],
    },
    timeout=60,
)

# API errors carry OpenRouter's error body: { error: { code, message } }.
if not response.ok:
    sys.exit(f"Error {response.status_code}: {response.json()['error']['message']}")

completion = response.json()
print(completion["choices"][0]["message"]["content"])

# What OpenRouter recorded about that generation, looked up by the answer's id.
response = requests.get(
    "https://openrouter.ai/api/v1/generation",
    headers={"Authorization": f"Bearer {api_key}"},
    params={"id": completion["id"]},
    timeout=60,
)
if not response.ok:
    sys.exit(f"Error {response.status_code}: {response.json()['error']['message']}")

stats = response.json()["data"]
print(f"Generation {stats['id']}: {stats['model']} by {stats['provider_name']}")
print(f"Tokens: {stats['tokens_prompt']} prompt, {stats['tokens_completion']} completion")
print(f"Cost: ${stats['total_cost']:.6f}")
