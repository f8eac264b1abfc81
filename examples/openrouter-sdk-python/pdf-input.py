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

try:
    completion = client.chat.send(
        model="openai/gpt-5.2",
        messages=[
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
        plugins=[{"id": "file-parser", "pdf": {"engine": "cloudflare-ai"}}],
    )

    print(completion.choices[0].message.content)
except OpenRouterError as error:
    # API errors carry OpenRouter's error body: { error: { code, message } }.
    sys.exit(f"Error {error.status_code}: {json.loads(error.body)['error']['message']}")
