#!/usr/bin/env node
// Benchmarks the mock the way examples use it: start-up to first response of the CLI as a fresh
// process, then latency and throughput, directly and through the proxy. Not a test: it prints.
import { spawn } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import { Agent, ProxyAgent, fetch } from 'undici'

const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '2000' },
    connections: { type: 'string', default: '8' },
  },
})
const total = Number(values.requests)
const connections = Number(values.connections)

const cli = new URL('../src/cli.ts', import.meta.url).pathname
const started = performance.now()
// Flags as `pnpm mock` runs it: a capped young generation keeps a busy mock's memory flat.
const child = spawn(process.execPath, ['--max-semi-space-size=8', cli], {
  stdio: ['ignore', 'pipe', 'inherit'],
})
let printed = ''
const ready = new Promise<void>((resolve) => {
  child.stdout.on('data', (chunk: Buffer) => {
    printed += chunk.toString()
    if (printed.includes('OPENROUTER_API_KEY=')) resolve()
  })
})
await ready
const read = (pattern: RegExp) => printed.match(pattern)?.[1] ?? ''
const direct = read(/API:\s+(\S+)/)
const key = read(/OPENROUTER_API_KEY='([^']+)'/)
const ca = await readFile(read(/SSL_CERT_FILE='([^']+)'/), 'utf8')
const proxyUrl = read(/proxy:\s+(\S+)/)

const body = JSON.stringify({
  model: 'openai/gpt-4o',
  messages: [{ role: 'user', content: 'Say this is a test' }],
})
const init = {
  method: 'POST',
  headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
  body,
}

const first = await fetch(`${direct}/chat/completions`, init)
await first.text()
const startupMs = performance.now() - started

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!

const measure = async (url: string, dispatcher: Agent | ProxyAgent) => {
  const call = async () => {
    const t = performance.now()
    const response = await fetch(url, { ...init, dispatcher })
    await response.text()
    if (response.status !== 200) throw new Error(`status ${response.status}`)
    return performance.now() - t
  }
  for (let i = 0; i < 50; i++) await call() // warm-up: connections, JIT
  const sequential: number[] = []
  for (let i = 0; i < Math.min(500, total); i++) sequential.push(await call())
  sequential.sort((a, b) => a - b)
  let sent = 0
  const t = performance.now()
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (sent++ < total) await call()
    }),
  )
  const seconds = (performance.now() - t) / 1000
  return { p50: percentile(sequential, 50), p99: percentile(sequential, 99), rps: total / seconds }
}

// The mock's resident memory, read from /proc: what must stay flat under load.
const rssMb = async () => {
  const status = await readFile(`/proc/${child.pid}/status`, 'utf8')
  return Number(status.match(/VmRSS:\s+(\d+)/)?.[1]) / 1024
}

// 10,000 requests at 64 at once through the proxy, each a different prompt, as a busy harness
// sends them: every one must succeed, and memory after them must stay near memory after 1,000.
const load = async () => {
  const dispatcher = new ProxyAgent({ uri: proxyUrl, requestTls: { ca }, connections: 64 })
  let sent = 0
  let errors = 0
  let rssAfterFirstThousand = 0
  const t = performance.now()
  await Promise.all(
    Array.from({ length: 64 }, async () => {
      while (sent < 10_000) {
        const index = sent++
        try {
          const response = await fetch('https://openrouter.ai/api/v1/chat/completions', {
            ...init,
            body: JSON.stringify({
              model: 'openai/gpt-4o',
              messages: [{ role: 'user', content: `Say this is test number ${index}` }],
            }),
            dispatcher,
          })
          await response.text()
          if (response.status !== 200) errors += 1
        } catch {
          errors += 1
        }
        if (index === 1_000) rssAfterFirstThousand = await rssMb()
      }
    }),
  )
  const seconds = (performance.now() - t) / 1000
  await dispatcher.close()
  return { errors, rps: 10_000 / seconds, rssAfterFirstThousand, rssAfterAll: await rssMb() }
}

const directStats = await measure(`${direct}/chat/completions`, new Agent({ connections }))
const proxiedStats = await measure(
  'https://openrouter.ai/api/v1/chat/completions',
  new ProxyAgent({ uri: proxyUrl, requestTls: { ca }, connections }),
)
const loaded = await load()
child.kill('SIGINT')

const row = (name: string, stats: { p50: number; p99: number; rps: number }) =>
  `${name.padEnd(22)} ${stats.p50.toFixed(2).padStart(8)} ms ${stats.p99.toFixed(2).padStart(8)} ms ${Math.round(stats.rps).toString().padStart(8)} req/s`
console.log(`start-up to first response (fresh process): ${Math.round(startupMs)} ms`)
console.log(
  `${''.padEnd(22)} ${'p50'.padStart(11)} ${'p99'.padStart(11)} ${'throughput'.padStart(14)}  (${total} requests, ${connections} connections)`,
)
console.log(row('direct (127.0.0.1)', directStats))
console.log(row('proxy (openrouter.ai)', proxiedStats))
console.log(
  `load: 10,000 requests, 64 at once, through the proxy: ${loaded.errors} errors, ${Math.round(loaded.rps)} req/s; ` +
    `mock RSS ${loaded.rssAfterFirstThousand.toFixed(0)} MB after 1,000 → ${loaded.rssAfterAll.toFixed(0)} MB after 10,000 ` +
    `(${(loaded.rssAfterAll / loaded.rssAfterFirstThousand).toFixed(2)}×)`,
)
