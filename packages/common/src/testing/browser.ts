import { accessSync, constants } from 'node:fs'
import { delimiter, join } from 'node:path'
import puppeteer from 'puppeteer-core'

// The system's headless Chromium (the set-up checks for it and CI installs it); a browser test
// downloads nothing.
const browsers = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome']
const findBrowser = (purpose: string) => {
  for (const name of browsers)
    for (const dir of (process.env.PATH ?? '').split(delimiter)) {
      try {
        accessSync(join(dir, name), constants.X_OK)
        return join(dir, name)
      } catch {}
    }
  throw new Error(
    `This test opens ${purpose} in headless Chromium, and none is on PATH.\n` +
      'Debian/Ubuntu: sudo apt-get install -y chromium; macOS: brew install --cask chromium',
  )
}

export const launchBrowser = (purpose: string) =>
  puppeteer.launch({
    executablePath: findBrowser(purpose),
    headless: true,
    args: ['--no-sandbox'],
  })
