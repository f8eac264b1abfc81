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
        model="meta-llama/llama-3.3-70b-instruct",
        messages=[{"role": "user", "content": "Say this is a test"}],
        # Provider routing: try Groq first, and no other provider if it cannot serve.
        provider={"order": ["groq"], "allow_fallbacks": False},
        # The SDK's result has no `provider` field: router metadata is how it says who served.
        x_open_router_metadata="enabled",
    )

    selected = next(e for e in completion.openrouter_metadata.endpoints.available if e.selected)
    print(f"Provider: {selected.provider}")
    print(completion.choices[0].message.content)
except OpenRouterError as error:
    # API errors carry OpenRouter's error body: { error: { code, message } }.
    sys.exit(f"Error {error.status_code}: {json.loads(error.body)['error']['message']}")
