export { launchBrowser } from './browser.ts'
export { sharedDir, sharedFile } from './shared-material.ts'
export { scratchClone, userShellEnvironment } from './scratch-clone.ts'
