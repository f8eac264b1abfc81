import os
import sys

import requests

# Don't put keys in code: read your OpenRouter API key from the environment.
api_key = os.environ.get("OPENROUTER_API_KEY")
if not api_key:
    sys.exit("OPENROUTER_API_KEY is not set: create a key at https://openrouter.ai/keys and export it.")

# The key's own metadata: its credit limit and what it has used, in USD.
response = requests.get(
    "https://openrouter.ai/api/v1/key",
    headers={"Authorization": f"Bearer {api_key}"},
    timeout=60,
)

# API errors carry OpenRouter's error body: { error: { code, message } }.
if not response.ok:
    sys.exit(f"Error {response.status_code}: {response.json()['error']['message']}")

data = response.json()["data"]


def usd(amount):
    return f"${amount:.2f}"


print(f"Limit: {'none' if data['limit'] is None else usd(data['limit'])}")
print(f"Usage: {usd(data['usage'])}")
print(f"Remaining: {'unlimited' if data['limit_remaining'] is None else usd(data['limit_remaining'])}")
