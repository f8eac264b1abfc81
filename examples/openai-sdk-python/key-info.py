import os
import sys

from openai import APIError, APIStatusError, OpenAI

# Don't put keys in code: read your OpenRouter API key from the environment.
api_key = os.environ.get("OPENROUTER_API_KEY")
if not api_key:
    sys.exit("OPENROUTER_API_KEY is not set: create a key at https://openrouter.ai/keys and export it.")

# The SDK retries rate limits and server errors twice by default.
client = OpenAI(
    base_url="https://openrouter.ai/api/v1",
    api_key=api_key,
)

try:
    # The key's own metadata: its credit limit and what it has used, in USD.
    # OpenRouter's /key has no OpenAI counterpart, so call it through the client's raw GET.
    data = client.get("/key", cast_to=object)["data"]

    def usd(amount):
        return f"${amount:.2f}"

    print(f"Limit: {'none' if data['limit'] is None else usd(data['limit'])}")
    print(f"Usage: {usd(data['usage'])}")
    print(f"Remaining: {'unlimited' if data['limit_remaining'] is None else usd(data['limit_remaining'])}")
except APIError as error:
    # API errors carry OpenRouter's error body: { error: { code, message } }.
    body = error.body if isinstance(error.body, dict) else {}
    status = error.status_code if isinstance(error, APIStatusError) else body.get("code")
    sys.exit(f"Error {status}: {body.get('message', error.message)}")
