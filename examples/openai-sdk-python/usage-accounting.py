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
    # Every answer says what it used and what it cost (in USD); no opt-in is needed. The cost is
    # OpenRouter's own field, which the OpenAI SDK keeps as an extra attribute.
    usage = completion.usage
    print(
        f"Tokens: {usage.prompt_tokens} prompt, {usage.completion_tokens} completion, "
        f"{usage.total_tokens} total"
    )
    print(f"Cost: ${usage.cost:.6f}")
except APIError as error:
    # API errors carry OpenRouter's error body: { error: { code, message } }.
    body = error.body if isinstance(error.body, dict) else {}
    status = error.status_code if isinstance(error, APIStatusError) else body.get("code")
    sys.exit(f"Error {status}: {body.get('message', error.message)}")
