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
        messages=[{"role": "user", "content": "Say this is a test"}],
    )

    print(completion.choices[0].message.content)

    # What OpenRouter recorded about that generation, looked up by the answer's id.
    stats = client.generations.get_generation(id=completion.id).data
    print(f"Generation {stats.id}: {stats.model} by {stats.provider_name}")
    print(f"Tokens: {stats.tokens_prompt} prompt, {stats.tokens_completion} completion")
    print(f"Cost: ${stats.total_cost:.6f}")
except OpenRouterError as error:
    # API errors carry OpenRouter's error body: { error: { code, message } }.
    sys.exit(f"Error {error.status_code}: {json.loads(error.body)['error']['message']}")
