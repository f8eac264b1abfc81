import { readFileSync } from 'node:fs'

// The processes above this one, nearest first, up to (not including) init. Read from /proc; where
// there is none, only the direct parent is known.
export const ancestors = (): number[] => {
  const chain: number[] = []
  let pid = process.ppid
  while (pid > 1 && chain.length < 32) {
    chain.push(pid)
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
      // Fields after the command name (which may hold spaces) start with the state, then the ppid.
      pid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
    } catch {
      break
    }
  }
  return chain
}

// A process that has exited but not yet been reaped by its parent (a zombie) counts as gone.
const alive = (pid: number) => {
  try {
    process.kill(pid, 0)
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z'
  } catch {
    return true
  }
}

// Calls `onOrphaned` once any process above this one has gone. A script that starts
// `npx pnpm mock` and stops it with `kill -TERM $!` signals npx only: the shell wrappers that npx,
// pnpm and turbo put between it and this process do not pass signals on, so without this the
// mock (and its certificates) would outlive the script.
export const watchAncestors = (onOrphaned: () => void, intervalMs = 250) => {
  const watched = ancestors()
  const timer = setInterval(() => {
    if (watched.some((pid) => !alive(pid))) {
      clearInterval(timer)
      onOrphaned()
    }
  }, intervalMs)
  timer.unref()
  return () => clearInterval(timer)
}
