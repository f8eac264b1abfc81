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


def usd(amount):
    return f"${amount:.2f}"


try:
    # The key's own metadata: its credit limit and what it has used, in USD.
    data = client.api_keys.get_current_key_metadata().data

    print(f"Limit: {'none' if data.limit is None else usd(data.limit)}")
    print(f"Usage: {usd(data.usage)}")
    print(f"Remaining: {'unlimited' if data.limit_remaining is None else usd(data.limit_remaining)}")
except OpenRouterError as error:
    # API errors carry OpenRouter's error body: { error: { code, message } }.
    sys.exit(f"Error {error.status_code}: {json.loads(error.body)['error']['message']}")
