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
        # Ask the model to think first; the reply carries its reasoning apart from the answer.
        # `reasoning` is OpenRouter's, not OpenAI's: the SDK sends it through extra_body.
        extra_body={"reasoning": {"effort": "high"}},
    )

    message = completion.choices[0].message
    # The reply's `reasoning` is OpenRouter's too: the SDK keeps it among the message's extra fields.
    print(f"Reasoning: {message.model_extra['reasoning']}")
    print(f"Answer: {message.content}")
except APIError as error:
    # API errors carry OpenRouter's error body: { error: { code, message } }.
    body = error.body if isinstance(error.body, dict) else {}
    status = error.status_code if isinstance(error, APIStatusError) else body.get("code")
    sys.exit(f"Error {status}: {body.get('message', error.message)}")
