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
    completion = client.chat.completions.create(
        model="openai/gpt-5.2",
        messages=[{"role": "user", "content": "Say this is a test"}],
    )

    print(completion.choices[0].message.content)

    # What OpenRouter recorded about that generation, looked up by the answer's id. The endpoint is
    # OpenRouter's, so the SDK has no method for it: its generic get sends it with the same key.
    found = client.get("/generation", cast_to=object, options={"params": {"id": completion.id}})
    stats = found["data"]
    print(f"Generation {stats['id']}: {stats['model']} by {stats['provider_name']}")
    print(f"Tokens: {stats['tokens_prompt']} prompt, {stats['tokens_completion']} completion")
    print(f"Cost: ${stats['total_cost']:.6f}")
except APIError as error:
    # API errors carry OpenRouter's error body: { error: { code, message } }.
    body = error.body if isinstance(error.body, dict) else {}
    status = error.status_code if isinstance(error, APIStatusError) else body.get("code")
    sys.exit(f"Error {status}: {body.get('message', error.message)}")
