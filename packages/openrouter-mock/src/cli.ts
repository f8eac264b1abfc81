#!/usr/bin/env node
import { spawn } from 'node:child_process'
import { parseArgs } from 'node:util'
import { watchAncestors } from './ancestors.ts'
import { exportLines } from './child-env.ts'
import { maskKey } from './keys.ts'
import { impersonatedHost, startMock } from './start-mock.ts'

const usage = `Usage: pnpm mock [options] [-- command [args…]]

Starts the OpenRouter mock on 127.0.0.1 and an HTTPS proxy that serves it as ${impersonatedHost}.

Without a command it prints the shell variables that send any snippet there unmodified, and runs
until stopped (Ctrl-C). With a command it runs just that command inside the mock's environment
(your shell keeps its own network), then stops and exits with the command's exit code:

  pnpm mock -- python tab.py
  pnpm mock --placeholder-key -- bash tab.sh

  --port N            port of the mock itself (default: any free port)
  --proxy-port N      port of the proxy (default: any free port)
  --limit USD         credit limit of the ready test key (default: none)
  --placeholder-key   also accept the docs' literal <OPENROUTER_API_KEY> as a key, so a tab pasted
                      unedited authenticates
  --cwd DIR           where the command runs (\`pnpm mock\` passes where you ran it)`

const parse = () => {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        port: { type: 'string', default: '0' },
        'proxy-port': { type: 'string', default: '0' },
        limit: { type: 'string' },
        'placeholder-key': { type: 'boolean' },
        cwd: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    })
  } catch (error) {
    console.error(`mock: ${(error as Error).message} (see --help)`)
    process.exit(2)
  }
}
const { values, positionals: command } = parse()
if (values.help) {
  console.log(usage)
  process.exit(0)
}

const mock = await startMock({ port: Number(values.port), proxyPort: Number(values['proxy-port']) })
const key = mock.keys.create({
  name: 'pnpm mock',
  limit: values.limit === undefined ? null : Number(values.limit),
})
// The docs write this literal where a reader's key goes; accepted only when asked for.
if (values['placeholder-key'])
  mock.keys.create({ name: 'docs placeholder', key: '<OPENROUTER_API_KEY>' })
const environment = { ...mock.env, OPENROUTER_API_KEY: key.key }

let stopping = false
const stop = async (exitCode = 0) => {
  if (stopping) return
  stopping = true
  await mock.close()
  if (command.length === 0) console.log('OpenRouter mock stopped; its certificates are deleted.')
  process.exit(exitCode)
}
process.once('SIGINT', () => stop())
process.once('SIGTERM', () => stop())
process.once('SIGHUP', () => stop())
watchAncestors(() => stop())

if (command.length > 0) {
  const [file, ...args] = command as [string, ...string[]]
  const child = spawn(file, args, {
    cwd: values.cwd || process.cwd(),
    env: { ...process.env, ...environment },
    stdio: 'inherit',
  })
  child.on('error', (error) => {
    console.error(`mock: could not run ${file}: ${error.message}`)
    void stop(127)
  })
  child.on('exit', (code, signal) => void stop(code ?? (signal ? 1 : 0)))
} else {
  // This key is minted by the mock and works nowhere else, so printing it whole is safe.
  console.log(`OpenRouter mock ready.
  API:      ${mock.url}/api/v1
  proxy:    ${mock.proxyUrl} (serves https://${impersonatedHost}, refuses every other host)
  journal:  curl --noproxy '*' ${mock.url}/__mock/journal
  test key: ${maskKey(key.key)} (valid only here)

Paste into a shell, then run any snippet as published (or run one command inside the mock's
environment: pnpm mock -- python tab.py):

${exportLines(environment)}
`)
}
