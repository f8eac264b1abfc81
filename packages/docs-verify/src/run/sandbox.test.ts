import { execFileSync, spawnSync } from 'node:child_process'
import { expect, it } from 'vitest'
import {
  escapeAttempts,
  limitsReached,
  sandboxArgs,
  sandboxedCommand,
  sandboxFault,
  sandboxSupport,
  wasmMemoryPages,
} from './sandbox.ts'

const limits = { processes: 32, diskBytes: 8 << 20, memoryBytes: 1 << 30, outputBytes: 64 << 10 }

it('names each connect strace saw but the one to the proxy, and a DNS lookup as such', () => {
  const trace = [
    '12 connect(3, {sa_family=AF_INET, sin_port=htons(4100), sin_addr=inet_addr("127.0.0.1")}, 16) = -1 EINPROGRESS',
    '12 connect(4, {sa_family=AF_INET, sin_port=htons(8080), sin_addr=inet_addr("127.0.0.1")}, 16) = -1 ECONNREFUSED (Connection refused)',
    '13 connect(5, {sa_family=AF_INET6, sin6_port=htons(443), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, "2606:4700::1", &sin6_addr), sin6_scope_id=0}, 28) = -1 ENETUNREACH',
    '13 connect(6, {sa_family=AF_INET, sin_port=htons(53), sin_addr=inet_addr("10.0.0.2")}, 16) = -1 ENETUNREACH',
    '14 connect(7, {sa_family=AF_UNIX, sun_path="/var/run/nscd/socket"}, 110) = -1 ENOENT',
  ].join('\n')
  expect(
    escapeAttempts(trace, {
      dir: '/nowhere/block-1',
      proxyPort: 4100,
      shown: [],
      page: '/nowhere/p.mdx',
    }),
  ).toEqual([
    'opened a socket to 127.0.0.1:8080',
    'opened a socket to [2606:4700::1]:443',
    'opened a socket to 10.0.0.2:53 (a DNS lookup)',
  ])
})

it('names a read of a host file where a page has no business, not a runtime’s probes', () => {
  const here = process.cwd()
  const trace = [
    `20 openat(AT_FDCWD, "${here}/package.json", O_RDONLY) = -1 ENOENT (No such file or directory)`,
    '20 openat(AT_FDCWD, "/etc/os-release", O_RDONLY) = -1 ENOENT (No such file or directory)',
    `20 openat(AT_FDCWD, "${here}/no-such-file", O_RDONLY) = -1 ENOENT (No such file or directory)`,
  ].join('\n')
  expect(
    escapeAttempts(trace, {
      dir: '/nowhere/block-1',
      proxyPort: 1,
      shown: [],
      page: '/nowhere/p.mdx',
    }),
  ).toEqual([`read outside its folder: ${here}/package.json`])
})

it('names the limits a run reached, and the sandbox’s own failure as the checker’s', () => {
  const run = { stdout: '', stderr: '', outputCut: false }
  expect(limitsReached({ ...run, outputCut: true }, limits)).toEqual([
    'printed more than 64 KB: stopped there, and its output cut',
  ])
  expect(
    limitsReached(
      { ...run, stderr: 'x.sh: fork: retry: Resource temporarily unavailable' },
      limits,
    ),
  ).toEqual(['reached its limit of 32 processes'])
  expect(limitsReached({ ...run, signal: 'SIGXFSZ' }, limits)).toEqual([
    'wrote past its disk limit of 8 MB',
  ])
  expect(limitsReached(run, limits)).toEqual([])
  expect(sandboxFault({ exitCode: 1, stderr: "bwrap: Can't chdir to /x: No such file" })).toBe(
    "bwrap: Can't chdir to /x: No such file",
  )
  expect(
    sandboxFault({ exitCode: 125, stderr: 'sandbox: the door to the mock did not open' }),
  ).toMatch(/^sandbox:/)
  expect(sandboxFault({ exitCode: 125, stderr: 'sandbox: printed by the block itself' })).toMatch(
    /^sandbox:/,
  )
  expect(
    sandboxFault({ exitCode: 1, stderr: 'sandbox: printed by the block itself' }),
  ).toBeUndefined()
})

it('runs a Node block with its WebAssembly memories held within the address-space limit', async () => {
  const made = (file: string) =>
    sandboxedCommand({
      block: { file, args: ['block.mjs'] },
      dir: '/nowhere/block-1',
      trace: '/nowhere/trace',
      socket: '/nowhere/door.sock',
      proxyPort: 1,
      readOnly: [],
      limits,
    })
  const node = made(process.execPath)
  const python = made('/usr/bin/python3')
  await Promise.all([node.done(), python.done()])
  expect(node.command.args.slice(-3)).toEqual([
    process.execPath,
    `--wasm-max-mem-pages=${wasmMemoryPages}`,
    'block.mjs',
  ])
  expect(python.command.args.slice(-2)).toEqual(['/usr/bin/python3', 'block.mjs'])
  // Each memory's maximum, reserved at once, leaves most of the 4 GB to the block's heap.
  expect(wasmMemoryPages * 64 * 1024).toBeLessThanOrEqual(limits.memoryBytes / 2)
})

// A docs team's CI user is not root: the sandbox needs no privilege, and an ordinary user's
// process limit holds. Where the tests run as root, an ordinary user (nobody) proves it.
const asRoot = process.getuid?.() === 0
const canDrop = asRoot && spawnSync('setpriv', ['--help']).status === 0
it.runIf(sandboxSupport().available && canDrop)(
  'unprivileged: nobody makes the same sandbox, where its process limit holds',
  () => {
    const args = sandboxArgs([], [])
    const asNobody = (script: string) =>
      spawnSync(
        'setpriv',
        ['--reuid=65534', '--regid=65534', '--clear-groups', '--', ...args, 'bash', '-c', script],
        { encoding: 'utf8', timeout: 20_000 },
      )
    expect(asNobody('echo "$UID"').stdout.trim()).toBe('65534')
    expect(asNobody('ulimit -u 8; for i in {1..20}; do sleep 2 & done').stderr).toMatch(
      /fork: retry: Resource temporarily unavailable/,
    )
    // Nothing of the host's network: only the sandbox's own loopback.
    const network = execFileSync(
      'setpriv',
      ['--reuid=65534', '--regid=65534', '--clear-groups', '--', ...args, 'cat', '/proc/net/dev'],
      { encoding: 'utf8' },
    )
    expect(
      network
        .split('\n')
        .filter((line) => line.includes(':'))
        .map((line) => line.split(':')[0]!.trim()),
    ).toEqual(['lo'])
  },
)
it.runIf(!canDrop)(
  'unprivileged: this run is not root, so every sandbox test here is the unprivileged path',
  () => {
    expect(asRoot).toBe(false)
  },
)
