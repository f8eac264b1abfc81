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
    stream = client.responses.send(
        model="openai/gpt-5.2",
        input="Say this is a test",
        stream=True,
    )

    # The Responses API streams typed events; the answer's text comes as output_text deltas.
    for event in stream:
        if event.type == "response.output_text.delta":
            print(event.delta, end="", flush=True)
    print()
except OpenRouterError as error:
    # API errors carry OpenRouter's error body: { error: { code, message } }.
    sys.exit(f"Error {error.status_code}: {json.loads(error.body)['error']['message']}")
