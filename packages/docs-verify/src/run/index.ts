// The run stage: the site's TypeScript type-checked in one pass, each block's program run against
// the mock in a workspace of the pinned packages. It records what happened, never what it means.
export { runBlock, type RunnableBlock } from './run-block.ts'
export { typeCheck } from './type-check.ts'
export { createWorkspace } from './workspace.ts'
export { defaultLimits, prepareSandbox, sandboxSupport } from './sandbox.ts'
