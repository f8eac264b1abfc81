import os
import sys

import requests

# Don't put keys in code: read your OpenRouter API key from the environment.
api_key = os.environ.get("OPENROUTER_API_KEY")
if not api_key:
    sys.exit("OPENROUTER_API_KEY is not set: create a key at https://openrouter.ai/keys and export it.")

# requests never retries: an error is reported as it comes.
response = requests.post(
    "https://openrouter.ai/api/v1/embeddings",
    headers={
        "Authorization": f"Bearer {api_key}",
    },
    json={
        "model": "openai/text-embedding-3-small",
        "input": "The quick brown fox jumps over the lazy dog",
    },
    timeout=60,
)

# API errors carry OpenRouter's error body: { error: { code, message } }.
if not response.ok:
    sys.exit(f"Error {response.status_code}: {response.json()['error']['message']}")

vector = response.json()["data"][0]["embedding"]
print(f"Dimensions: {len(vector)}")
print(f"First values: {', '.join(f'{value:.4f}' for value in vector[:3])}")
