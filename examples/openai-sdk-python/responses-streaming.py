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
    stream = client.responses.create(
        model="openai/gpt-5.2",
        input="Say this is a test",
        stream=True,
    )

    # The Responses API streams typed events; the answer's text comes as output_text deltas.
    for event in stream:
        if event.type == "response.output_text.delta":
            print(event.delta, end="", flush=True)
    print()
except APIError as error:
    # A stream that fails after it started has no HTTP error status, only the body's code.
    if not isinstance(error, APIStatusError):
        print()
    # API errors carry OpenRouter's error body: { error: { code, message } }.
    body = error.body if isinstance(error.body, dict) else {}
    status = error.status_code if isinstance(error, APIStatusError) else body.get("code")
    sys.exit(f"Error {status}: {body.get('message', error.message)}")
