import { execFileSync } from 'node:child_process'
import {
  copyFileSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  rmdirSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { createServer, connect, type Server } from 'node:net'
import { homedir } from 'node:os'
import { delimiter, dirname, isAbsolute, join, resolve, sep } from 'node:path'
import { runtimeDir } from '../assets.ts'
import type { Sandbox, SandboxLimits } from '../types.ts'

// Code from a docs page is untrusted: a pull request from outside the team adds blocks that run
// on the team's CI machine. Each block runs in a sandbox made with bubblewrap (the sandbox
// Flatpak uses: a small setuid-free tool, a Debian package, that builds namespaces from the
// command line), as a CI system's own guidance and nsjail or gVisor would have it:
// - its own network namespace, where the only way out is a Unix socket to the mock's proxy;
// - a file system of the runtimes and the toolbox (read-only) and its own folder (writable,
//   size-bounded), nothing of the docs repository, $HOME or /proc of the host;
// - only the environment it is given; limits on processes, file size, memory, wall time, output.
// strace, where the machine has it, records what it tried and was stopped from (a connect
// elsewhere, a read outside its folder), which the checker reports.

export const defaultLimits: SandboxLimits = {
  processes: 256,
  diskBytes: 256 * 1024 * 1024,
  memoryBytes: 4 * 1024 * 1024 * 1024,
  outputBytes: 1024 * 1024,
}

export type SandboxSupport =
  { available: true; strace: boolean } | { available: false; why: string }

const onPath = (name: string) =>
  (process.env.PATH ?? '')
    .split(delimiter)
    .map((dir) => join(dir, name))
    .find((path) => {
      try {
        return statSync(path).isFile()
      } catch {
        return false
      }
    })

// Root is exempt from the process limit (RLIMIT_NPROC), so a root checker bounds each sandbox's
// processes with a pids cgroup of its own instead; an ordinary user, as on a docs team's CI,
// needs no privilege at all.
const asRoot = () => process.getuid?.() === 0
const pidsHierarchy = () =>
  ['/sys/fs/cgroup/pids', '/sys/fs/cgroup'].find((dir) => {
    try {
      return (
        existsSync(join(dir, 'cgroup.procs')) &&
        readFileSync(join(dir, 'cgroup.subtree_control'), 'utf8').includes('pids')
      )
    } catch {
      return existsSync(join(dir, 'cgroup.procs')) && dir.endsWith('/pids')
    }
  })

let cgroups = 0
// A pids cgroup for one run: the command enters it before it becomes the sandbox.
const processGroup = (processes: number) => {
  const hierarchy = pidsHierarchy()
  if (!asRoot() || !hierarchy) return undefined
  const dir = join(hierarchy, `docs-verify-${process.pid}-${++cgroups}`)
  mkdirSync(dir)
  writeFileSync(join(dir, 'pids.max'), String(processes))
  return {
    enter: ['sh', '-c', 'echo $$ > "$0/cgroup.procs" && exec "$@"', dir],
    // Its processes are gone once the sandbox's namespace is: the folder goes a moment later
    // (about a millisecond), asked again soon, not at a fixed 20 ms a block's core would wait out.
    remove: async () => {
      for (let attempt = 0; attempt < 40; attempt++) {
        try {
          rmdirSync(dir)
          return
        } catch {
          await new Promise((done) => setTimeout(done, Math.min(2 ** attempt, 50)))
        }
      }
    },
  }
}

// The host's own system folders, as they are: a merged-/usr system's /bin is a link to usr/bin.
const systemDirs = ['/usr', '/bin', '/sbin', '/lib', '/lib32', '/lib64', '/libx32']
const systemFiles = [
  '/etc/alternatives',
  '/etc/ld.so.cache',
  '/etc/ssl',
  '/etc/ca-certificates',
  '/etc/localtime',
  '/etc/nsswitch.conf',
  '/etc/passwd',
  '/etc/group',
  '/etc/hosts',
]
const systemView = () =>
  systemDirs.flatMap((path) => {
    try {
      const stat = lstatSync(path)
      if (stat.isSymbolicLink()) return ['--symlink', readlinkSync(path), path]
      return stat.isDirectory() ? ['--ro-bind', path, path] : []
    } catch {
      return []
    }
  })

// Its /tmp comes first: the workspace the binds show lives under the host's.
export const sandboxArgs = (
  readOnly: string[],
  rest: string[],
  tmpBytes = defaultLimits.diskBytes,
) => [
  'bwrap',
  '--unshare-all',
  '--die-with-parent',
  '--new-session',
  '--cap-drop',
  'ALL',
  ...systemView(),
  ...systemFiles.flatMap((path) => ['--ro-bind-try', path, path]),
  '--size',
  String(tmpBytes),
  '--tmpfs',
  '/tmp',
  ...[...new Set(readOnly)].flatMap((path) => ['--ro-bind', path, path]),
  '--proc',
  '/proc',
  '--dev',
  '/dev',
  ...rest,
]

let support: SandboxSupport | undefined
// Whether this machine can make the sandbox: bubblewrap on PATH, and user namespaces allowed
// (some CI runners forbid them, Ubuntu 24.04's AppArmor among them). Asked once per run.
export const sandboxSupport = (): SandboxSupport => {
  if (support) return support
  if (!onPath('bwrap'))
    return (support = {
      available: false,
      why: 'bubblewrap is not installed (Debian/Ubuntu: sudo apt-get install -y bubblewrap)',
    })
  if (asRoot() && !pidsHierarchy())
    return (support = {
      available: false,
      why: 'as root, the process limit needs the pids cgroup controller, and none is mounted writable: run the checker as an ordinary user',
    })
  try {
    const [bwrap, ...args] = sandboxArgs([], [])
    execFileSync(bwrap!, [...args, 'true'], {
      stdio: ['ignore', 'ignore', 'pipe'],
      timeout: 10_000,
    })
  } catch (error) {
    const said = String((error as { stderr?: Buffer }).stderr ?? (error as Error).message).trim()
    return (support = {
      available: false,
      why: `bubblewrap cannot make a sandbox here (${said || 'it failed'}): the machine does not allow unprivileged user namespaces`,
    })
  }
  return (support = { available: true, strace: onPath('strace') !== undefined })
}

// The package store a package sits in (its outermost node_modules: pnpm links a package's
// dependencies to their own folders of the same store): what a block may read of the toolbox.
const storeOf = (path: string) => {
  const real = realpathSync(path)
  const at = real.indexOf(`${sep}node_modules${sep}`)
  return at >= 0 ? real.slice(0, at + `${sep}node_modules`.length) : real
}

// Everything a block's runtime reads, read-only: Node and Python (their real folders), the
// checker's runtime shims, the workspace's links to the toolbox and the package stores they lead
// into, and the mock's CA certificate.
export const readOnlyView = (paths: {
  node: string
  python: string
  workspace: string
  toolbox: string[]
  caFile: string
}) => {
  const nodeDir = dirname(dirname(realpathSync(paths.node)))
  const python = existsSync(paths.python)
    ? [dirname(dirname(paths.python)), dirname(dirname(realpathSync(paths.python)))]
    : []
  return [
    nodeDir,
    ...python,
    runtimeDir,
    join(paths.workspace, 'package.json'),
    join(paths.workspace, 'node_modules'),
    ...paths.toolbox.map(storeOf),
    paths.caFile,
  ].filter((path) => !systemDirs.some((dir) => path === dir || path.startsWith(`${dir}/`)))
}

// A block's door to the mock: a Unix socket in its folder's sandbox files, carried to the proxy.
export const openDoor = async (socketPath: string, proxyPort: number) => {
  const server: Server = createServer((client) => {
    const upstream = connect(proxyPort, '127.0.0.1')
    const close = () => {
      client.destroy()
      upstream.destroy()
    }
    client.on('error', close).on('close', close)
    upstream.on('error', close).on('close', close)
    client.pipe(upstream).pipe(client)
  })
  await new Promise<void>((done, failed) => server.once('error', failed).listen(socketPath, done))
  return { close: () => new Promise<void>((done) => server.close(() => done())) }
}

export type SandboxedRun = {
  block: { file: string; args: string[] }
  // The block's folder on the host: copied into the sandbox's own folder at the same path.
  dir: string
  // Where its trace and door are, on the host (beside its folder, never inside it).
  trace: string
  socket: string
  proxyPort: number
  readOnly: string[]
  limits: SandboxLimits
  // Node's compile cache, read-only: a block reads what trusted runs compiled, and writes none.
  compileCache?: string
}

// Node under the address-space limit cannot reserve a WebAssembly memory's full 4 GB (V8 reserves
// a memory's maximum up front), and each reservation it is refused it retries after a full
// garbage collection, at four ever smaller sizes: 0.1-0.3 s of a core a block, since Node's own
// type stripping (amaro) and fetch's HTTP parser (undici's llhttp) are WebAssembly. A memory's
// maximum held at 512 MB is reserved at once, and leaves the block's heap room in its 4 GB.
export const wasmMemoryPages = 8192
const nodeFlags = (file: string) =>
  file === process.execPath ? [`--wasm-max-mem-pages=${wasmMemoryPages}`] : []

// The command that runs a block in its sandbox, and what to tidy once it has run.
export const sandboxedCommand = (run: SandboxedRun) => {
  const group = processGroup(run.limits.processes)
  const source = '/run/block'
  const args = sandboxArgs(
    run.readOnly,
    [
      '--ro-bind',
      run.dir,
      source,
      '--size',
      String(run.limits.diskBytes),
      '--tmpfs',
      run.dir,
      ...(run.compileCache ? ['--ro-bind-try', run.compileCache, run.compileCache] : []),
      '--bind',
      run.socket,
      '/run/proxy.sock',
      '--bind',
      run.trace,
      '/run/trace',
      '--chdir',
      run.dir,
      'bash',
      join(runtimeDir, 'sandbox', 'entry.sh'),
      process.execPath,
      String(run.proxyPort),
      '/run/proxy.sock',
      source,
      run.dir,
      String(run.limits.processes),
      String(Math.floor(run.limits.diskBytes / 1024)),
      String(Math.floor(run.limits.memoryBytes / 1024)),
      '/run/trace',
      '--',
      run.block.file,
      ...nodeFlags(run.block.file),
      ...run.block.args,
    ],
    run.limits.diskBytes,
  )
  const command = [...(group?.enter ?? []), ...args]
  return {
    command: { file: command[0]!, args: command.slice(1) },
    done: group?.remove ?? (async () => {}),
  }
}

// The docs repository a page is in: the nearest folder above it with .git, else its own folder.
const repositoryOf = (page: string) => {
  for (let dir = dirname(page); dirname(dir) !== dir; dir = dirname(dir))
    if (existsSync(join(dir, '.git'))) return dir
  return dirname(page)
}

// What strace saw the block try and the sandbox stop: a connection anywhere but its proxy, and a
// read of a file the host has where the sandbox shows nothing and a page's code has no business:
// the workspace above its folder (other blocks), where the checker runs (the docs repository,
// its .git), the checker's $HOME. A runtime's own probes (a module path that does not exist, the
// host's /sys and /etc) are not reported.
export const escapeAttempts = (
  trace: string,
  {
    dir,
    proxyPort,
    shown,
    page,
  }: { dir: string; proxyPort: number; shown: string[]; page: string },
): string[] => {
  const watched = [dirname(dir), repositoryOf(page), process.cwd(), homedir()]
  const attempts: string[] = []
  for (const line of trace.split('\n')) {
    const inet =
      /connect\(\d+, \{sa_family=AF_INET6?, sin6?_port=htons\((\d+)\), (?:sin_addr=inet_addr\("([^"]+)"\)|.*?inet_pton\(AF_INET6, "([^"]+)")/.exec(
        line,
      )
    if (inet) {
      const [, port, v4, v6] = inet
      const host = v4 ?? `[${v6}]`
      if (!(host === '127.0.0.1' && Number(port) === proxyPort))
        attempts.push(`opened a socket to ${host}:${port}${port === '53' ? ' (a DNS lookup)' : ''}`)
      continue
    }
    const open = /\bopen(?:at)?\((?:AT_FDCWD, )?"((?:[^"\\]|\\.)*)"/.exec(line)
    if (!open) continue
    const path = isAbsolute(open[1]!) ? open[1]! : resolve(dir, open[1]!)
    const under = (roots: string[]) =>
      roots.some((root) => path === root || path.startsWith(`${root}/`))
    if (under([dir, ...shown]) || !under(watched)) continue
    try {
      if (statSync(path).isFile()) attempts.push(`read outside its folder: ${path}`)
    } catch {}
  }
  return [...new Set(attempts)]
}

const size = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${Math.round(bytes / 1024)} KB`

// The limits a run reached, as its own words say (each runtime's error for a fork refused, a
// disk full, a file too large) and as the checker saw (output past its bound).
export const limitsReached = (
  run: { stdout: string; stderr: string; outputCut?: boolean; signal?: string },
  limits: SandboxLimits,
): string[] => {
  const said = `${run.stderr}\n${run.stdout}`
  return [
    ...(run.outputCut
      ? [`printed more than ${size(limits.outputBytes)}: stopped there, and its output cut`]
      : []),
    ...(/fork: (retry: )?Resource temporarily unavailable|spawn EAGAIN|BlockingIOError: \[Errno 11\]|Cannot fork/.test(
      said,
    )
      ? [`reached its limit of ${limits.processes} processes`]
      : []),
    ...(/No space left on device|ENOSPC|File too large|File size limit exceeded|EFBIG|\[Errno 2[78]\]/.test(
      said,
    ) || run.signal === 'SIGXFSZ'
      ? [`wrote past its disk limit of ${size(limits.diskBytes)}`]
      : []),
  ]
}

// A run's sandbox, made once: what every block may read (the mock's CA certificate copied into
// the workspace, which the sandbox shows), and the limits.
export const prepareSandbox = (paths: {
  workspace: string
  caFile: string
  python: string
  toolbox: string[]
  limits?: SandboxLimits
}): Sandbox => {
  const caFile = join(paths.workspace, 'mock-ca.pem')
  copyFileSync(paths.caFile, caFile)
  const readOnly = readOnlyView({ ...paths, node: process.execPath, caFile })
  return { limits: paths.limits ?? defaultLimits, readOnly, caFile }
}

// The sandbox's own failure (bubblewrap's, or its entry's before the block ran), which is the
// checker's, never the page's.
export const sandboxFault = (run: { exitCode?: number; stderr: string }) =>
  /^bwrap: .*/m.exec(run.stderr)?.[0] ??
  (run.exitCode === 125 ? /^sandbox: .*/m.exec(run.stderr)?.[0] : undefined)
