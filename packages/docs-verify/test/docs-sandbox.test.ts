import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { execa } from 'execa'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { startMock, type RunningMock } from '@conformance/openrouter-mock'
import { checkPage } from '../src/check-site.ts'
import { pythonInterpreter } from '../src/python.ts'
import { createWorkspace, prepareSandbox, sandboxSupport } from '../src/run/index.ts'
import { toolboxDirs } from '../src/toolbox.ts'
import type { BlockResult } from '../src/types.ts'

// A page whose blocks each try one way out, as a pull request from outside the team could: a
// socket to a listener on 127.0.0.1 that ignores the proxy (Node, Python, curl), a file above
// the block's folder, the docs repository's .git/config, a variable of the checker's own
// environment, forking without bound, writing past the disk limit, printing past the output
// limit (each after a call to the API, as a block the checker runs has). Each is stopped and reported, a good block on the same page still passes, and the
// listener sees no connection. The limits are small, so the test is quick.
const support = sandboxSupport()
const root = mkdtempSync(join(tmpdir(), 'docs-sandbox-'))
const repository = join(root, 'docs')
let listener: Server
let connections = 0
let mock: RunningMock
let workspace: ReturnType<typeof createWorkspace>
let blocks: BlockResult[]

// The address written so that no rule reading the code sees a local server: the sandbox, not
// the plan, has to stop it.
const loopback = "['127', '0', '0', '1'].join('.')"
const page = (port: number) => `# Ways out

\`\`\`typescript
import { connect } from 'node:net';
const socket = connect(${port}, ${loopback});
socket.on('connect', () => { console.log('connected'); socket.end(); });
socket.on('error', (error) => { console.error(error.message); process.exit(1); });
\`\`\`

\`\`\`python
import socket
socket.create_connection(('.'.join(['127', '0', '0', '1']), ${port}), timeout=2)
print("connected")
\`\`\`

\`\`\`bash
curl --noproxy '*' -sS --max-time 2 http://0x7f000001:${port}/
\`\`\`

\`\`\`bash
curl -sf https://openrouter.ai/api/v1/models > /dev/null
cat ../secret.txt
\`\`\`

\`\`\`bash
curl -sf https://openrouter.ai/api/v1/models > /dev/null
cat ${repository}/.git/config
\`\`\`

\`\`\`bash
echo "secret=\${DOCS_CHECKER_SECRET:-absent}"
curl -sf https://openrouter.ai/api/v1/models > /dev/null
\`\`\`

\`\`\`bash
curl -sf https://openrouter.ai/api/v1/models > /dev/null
while true; do sleep 60 & done
\`\`\`

\`\`\`bash
curl -sf https://openrouter.ai/api/v1/models > /dev/null
dd if=/dev/zero of=big.bin bs=1M count=64
\`\`\`

\`\`\`bash
curl -sf https://openrouter.ai/api/v1/models > /dev/null
yes 'more output' | head -c 5000000
\`\`\`

\`\`\`bash
curl -sf https://openrouter.ai/api/v1/models | head -c 50
\`\`\`
`

beforeAll(async () => {
  if (!support.available) return
  listener = createServer((socket) => {
    connections++
    socket.end('you reached the host\n')
  })
  await new Promise<void>((done) => listener.listen(0, '127.0.0.1', done))
  const port = (listener.address() as { port: number }).port
  mkdirSync(join(repository, '.git'), { recursive: true })
  writeFileSync(
    join(repository, '.git', 'config'),
    '[http]\n\textraheader = AUTHORIZATION: basic c2VjcmV0\n',
  )
  writeFileSync(join(repository, 'ways-out.mdx'), page(port))
  process.env.DOCS_CHECKER_SECRET = 'the-checker-s-own'
  mock = await startMock()
  workspace = createWorkspace()
  writeFileSync(join(workspace.root, 'secret.txt'), 'above the block’s folder\n')
  const sandbox = prepareSandbox({
    workspace: workspace.root,
    caFile: mock.caFile,
    python: pythonInterpreter(),
    toolbox: toolboxDirs(),
    limits: {
      processes: 32,
      diskBytes: 8 * 1024 * 1024,
      memoryBytes: 2 ** 32,
      outputBytes: 64 * 1024,
    },
  })
  blocks = (
    await checkPage(join(repository, 'ways-out.mdx'), {
      mock,
      workspace: workspace.root,
      timeoutMs: 5_000,
      sandbox,
    })
  ).flatMap((group) => group.blocks)
}, 120_000)
afterAll(async () => {
  delete process.env.DOCS_CHECKER_SECRET
  await new Promise((done) => (listener ? listener.close(done) : done(undefined)))
  workspace?.remove()
  await mock?.close()
  rmSync(root, { recursive: true, force: true })
})

it.runIf(support.available)(
  'each way out is stopped and reported; the good block passes; the listener saw nothing',
  () => {
    const reasons = blocks.map((block) => [block.verdict, block.reason.split(' (')[0]])
    expect(reasons).toEqual([
      ['contained', expect.stringMatching(/^contained: opened a socket to 127\.0\.0\.1:\d+$/)],
      ['contained', expect.stringMatching(/^contained: opened a socket to 127\.0\.0\.1:\d+$/)],
      ['contained', expect.stringMatching(/^contained: opened a socket to 127\.0\.0\.1:\d+$/)],
      ['contained', `contained: read outside its folder: ${join(workspace.root, 'secret.txt')}`],
      ['contained', `contained: read outside its folder: ${join(repository, '.git', 'config')}`],
      ['pass', 'sent GET /api/v1/models → 200'],
      ['contained', 'contained: reached its limit of 32 processes'],
      ['contained', 'contained: wrote past its disk limit of 8 MB'],
      ['contained', 'contained: printed more than 64 KB: stopped there, and its output cut'],
      ['pass', 'sent GET /api/v1/models → 200'],
    ])
    expect(connections).toBe(0)
    // Only what the block is given is its environment.
    expect(blocks[5]!.evidence?.stdoutTail).toBe('secret=absent')
    expect(blocks.map((block) => block.cause)).toContain('tries to leave its sandbox')
    expect(blocks[6]!.cause).toBe('reaches a limit of its sandbox')
  },
)

it.skipIf(support.available)('says why this machine cannot make the sandbox', () => {
  expect(support.available).toBe(false)
  if (!support.available) expect(support.why).toMatch(/bubblewrap|namespaces|cgroup/)
})

// A machine that cannot make the sandbox (here: a bubblewrap that always fails, as where user
// namespaces are forbidden): required refuses before any block runs; best-effort says so once
// and runs them uncontained.
it('required refuses to run a page’s code uncontained; best-effort says so and runs it', async () => {
  const bin = join(root, 'no-namespaces')
  mkdirSync(bin, { recursive: true })
  writeFileSync(
    join(bin, 'bwrap'),
    '#!/bin/sh\necho "bwrap: No permissions to create new namespace" >&2\nexit 1\n',
    { mode: 0o755 },
  )
  writeFileSync(
    join(root, 'good.mdx'),
    '```bash\ncurl -sf https://openrouter.ai/api/v1/models\n```\n',
  )
  const cli = fileURLToPath(new URL('../src/cli.ts', import.meta.url))
  const verify = (mode: string) =>
    execa(process.execPath, [cli, 'good.mdx', '--sandbox', mode], {
      cwd: root,
      env: { PATH: `${bin}:${process.env.PATH}` },
      reject: false,
    })
  const required = await verify('required')
  expect(required.exitCode).toBe(2)
  expect(required.stderr).toMatch(
    /^sandbox: cannot contain blocks here: .*No permissions to create new namespace.*refuses/m,
  )
  expect(required.stdout).not.toContain('good.mdx:1')
  const bestEffort = await verify('best-effort')
  expect(bestEffort.exitCode).toBe(0)
  expect(bestEffort.stderr).toMatch(
    /^sandbox: cannot contain blocks here .*running them uncontained/m,
  )
  expect(bestEffort.stdout).toContain('blocks: 1 passed')
}, 60_000)
