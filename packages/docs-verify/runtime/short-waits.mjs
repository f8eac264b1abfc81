// Preloaded into every JavaScript and TypeScript block (`node --import`): a wait the block's own
// code asks for (a poller that sleeps between checks, a backoff) is shortened to a few
// milliseconds, as fake timers would, so a block that waits as documented is not killed as hung.
// Waits a library asks for (a request's timeout) keep their length.
import { syncBuiltinESMExports } from 'node:module'
import timersPromises from 'node:timers/promises'
import { fileURLToPath, pathToFileURL } from 'node:url'

const shortest = 20
const block = process.argv[1] && pathToFileURL(process.argv[1]).href
const blockFile = process.argv[1] && fileURLToPath(block)

// Whether the function that asked for the wait is the block's own code (the frame above ours).
const askedByBlock = () => {
  const caller = new Error().stack?.split('\n')[3] ?? ''
  return Boolean(block) && (caller.includes(block) || caller.includes(blockFile))
}

const shorten = (original) =>
  function (callback, delay, ...rest) {
    const wait = typeof delay === 'number' && delay > shortest && askedByBlock() ? shortest : delay
    return original.call(this, callback, wait, ...rest)
  }

globalThis.setTimeout = shorten(globalThis.setTimeout)
globalThis.setInterval = shorten(globalThis.setInterval)

const sleep = timersPromises.setTimeout
timersPromises.setTimeout = function (delay, ...rest) {
  const wait = typeof delay === 'number' && delay > shortest && askedByBlock() ? shortest : delay
  return sleep.call(this, wait, ...rest)
}
syncBuiltinESMExports()
