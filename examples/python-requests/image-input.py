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
        "messages": [
            {
                "role": "user",
                "content": [
                    {"type": "text", "text": "What is in this image?"},
                    # An image by URL: OpenRouter fetches it for the model.
                    {
                        "type": "image_url",
                        "image_url": {"url": "https://docs-conformance.example/boardwalk.jpg"},
                    },
                ],
            }
        ],
    },
    timeout=60,
)

# API errors carry OpenRouter's error body: { error: { code, message } }.
if not response.ok:
    sys.exit(f"Error {response.status_code}: {response.json()['error']['message']}")

print(response.json()["choices"][0]["message"]["content"])
