import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { execa } from 'execa'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { startMock, type RunningMock } from '@conformance/openrouter-mock'
import { examplesDir } from '../src/paths.ts'

// The Python example reaches the mock only if the HTTP client under `openai`, at the version the
// venv pins, honours HTTPS_PROXY and trusts SSL_CERT_FILE. Proven here rather than assumed.
const exampleDir = join(examplesDir, 'openai-sdk-python')
const python = join(exampleDir, '.venv', 'bin', 'python')
const pinned = (name: string) =>
  readFileSync(join(exampleDir, 'requirements.txt'), 'utf8').match(
    new RegExp(`^${name}==(\\S+)`, 'm'),
  )?.[1]

let mock: RunningMock
beforeAll(async () => {
  mock = await startMock()
})
afterAll(() => mock.close())

const probe = `
import json, openai, httpx2
client = openai.OpenAI(base_url="https://openrouter.ai/api/v1", api_key="${'${KEY}'}", max_retries=0)
reply = client.chat.completions.create(model="openai/gpt-4o", messages=[{"role": "user", "content": "Say this is a test"}])
try:
    httpx2.get("https://example.com/")
    escaped = True
except httpx2.ProxyError as error:
    escaped = str(error)
print(json.dumps({"openai": openai.__version__, "httpx": httpx2.__version__, "reply": reply.choices[0].message.content, "escaped": escaped}))
`

it('openai (PyPI) and its pinned httpx reach the mock through the proxy, and nothing else', async () => {
  const tagged = await mock.openProxy('python-probe')
  const { key } = mock.keys.create({ name: 'python probe' })
  const result = await execa(python, ['-c', probe.replace('${KEY}', key)], {
    env: { ...tagged.env, PATH: process.env.PATH ?? '', HOME: exampleDir },
    extendEnv: false,
  })
  const report = JSON.parse(result.stdout)
  expect(report).toMatchObject({
    openai: pinned('openai'),
    httpx: pinned('httpx2'),
    reply: 'This is a test.',
  })
  expect(report.escaped).toContain('403')
  expect(mock.journal.requests({ key })).toMatchObject([{ via: 'proxy', tag: 'python-probe' }])
  expect(mock.journal.refused({ tag: 'python-probe' })).toMatchObject([
    { host: 'example.com', port: 443 },
  ])
  await tagged.close()
})
