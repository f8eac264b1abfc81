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
        model="meta-llama/llama-3.3-70b-instruct",
        messages=[{"role": "user", "content": "Say this is a test"}],
        # Provider routing: try Groq first, and no other provider if it cannot serve.
        # `provider` is OpenRouter's, not OpenAI's: the SDK sends it through extra_body.
        extra_body={"provider": {"order": ["groq"], "allow_fallbacks": False}},
    )

    # The answer names the provider that served it: the SDK keeps OpenRouter's field as an extra.
    print(f"Provider: {completion.provider}")
    print(completion.choices[0].message.content)
except APIError as error:
    # API errors carry OpenRouter's error body: { error: { code, message } }.
    body = error.body if isinstance(error.body, dict) else {}
    status = error.status_code if isinstance(error, APIStatusError) else body.get("code")
    sys.exit(f"Error {status}: {body.get('message', error.message)}")
