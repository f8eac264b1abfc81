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
        "messages": [{"role": "user", "content": "What is the meaning of life?"}],
        # The web plugin searches first; the answer cites its sources as url_citation annotations.
        "plugins": [{"id": "web"}],
    },
    timeout=60,
)

# API errors carry OpenRouter's error body: { error: { code, message } }.
if not response.ok:
    sys.exit(f"Error {response.status_code}: {response.json()['error']['message']}")

message = response.json()["choices"][0]["message"]
print(message["content"])
print("Sources:")
for annotation in message.get("annotations", []):
    source = annotation["url_citation"]
    print(f"- {source['title']}: {source['url']}")
