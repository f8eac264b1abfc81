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
                    {"type": "text", "text": "What are the main points in this document?"},
                    # A PDF by URL: OpenRouter fetches it and parses it for the model.
                    {
                        "type": "file",
                        "file": {
                            "filename": "document.pdf",
                            "file_data": "https://docs-conformance.example/document.pdf",
                        },
                    },
                ],
            }
        ],
        # How OpenRouter turns the PDF into text for the model: here its Cloudflare AI parser.
        "plugins": [{"id": "file-parser", "pdf": {"engine": "cloudflare-ai"}}],
    },
    timeout=60,
)

# API errors carry OpenRouter's error body: { error: { code, message } }.
if not response.ok:
    sys.exit(f"Error {response.status_code}: {response.json()['error']['message']}")

print(response.json()["choices"][0]["message"]["content"])
