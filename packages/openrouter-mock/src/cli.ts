#!/usr/bin/env node
import { parseArgs } from 'node:util'
import { watchAncestors } from './ancestors.ts'
import { exportLines } from './child-env.ts'
import { maskKey } from './keys.ts'
import { impersonatedHost, startMock } from './start-mock.ts'

const usage = `Usage: pnpm mock [--port N] [--proxy-port N] [--limit USD]

Starts the OpenRouter mock on 127.0.0.1 and an HTTPS proxy that serves it as ${impersonatedHost},
then prints the shell variables that send any snippet there unmodified. Ctrl-C stops it.

  --port N        port of the mock itself (default: any free port)
  --proxy-port N  port of the proxy (default: any free port)
  --limit USD     credit limit of the ready test key (default: none)`

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    'proxy-port': { type: 'string', default: '0' },
    limit: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
})
if (values.help) {
  console.log(usage)
  process.exit(0)
}

const mock = await startMock({ port: Number(values.port), proxyPort: Number(values['proxy-port']) })
const key = mock.keys.create({
  name: 'pnpm mock',
  limit: values.limit === undefined ? null : Number(values.limit),
})

// This key is minted by the mock and works nowhere else, so printing it whole is safe.
console.log(`OpenRouter mock ready.
  API:      ${mock.url}/api/v1
  proxy:    ${mock.proxyUrl} (serves https://${impersonatedHost}, refuses every other host)
  journal:  curl --noproxy '*' ${mock.url}/__mock/journal
  test key: ${maskKey(key.key)} (valid only here)

Paste into a shell, then run any snippet as published:

${exportLines({ ...mock.env, OPENROUTER_API_KEY: key.key })}
`)

let stopping = false
const stop = async () => {
  if (stopping) return
  stopping = true
  await mock.close()
  console.log('OpenRouter mock stopped; its certificates are deleted.')
  process.exit(0)
}
process.once('SIGINT', stop)
process.once('SIGTERM', stop)
process.once('SIGHUP', stop)
watchAncestors(stop)
