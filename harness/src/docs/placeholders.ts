// The only text the checker changes in a tab before running it: placeholders the docs tell
// readers to replace. Everything else runs exactly as written.
export const siteUrl = 'https://docs-conformance.example'
export const siteName = 'Docs Conformance'

export type Placeholder = { placeholder: string; becomes: string }

// Key-management snippets (creating, rotating, deleting keys) need a management key.
export const managementKeyPlaceholder = 'your-management-key'

export const placeholderTable: Placeholder[] = [
  { placeholder: '<OPENROUTER_API_KEY>', becomes: "the tab's own test key" },
  { placeholder: 'YOUR_OPENROUTER_API_KEY', becomes: "the tab's own test key" },
  {
    placeholder: managementKeyPlaceholder,
    becomes: 'a management key made for the tab, on its own account',
  },
  { placeholder: '<YOUR_SITE_URL>', becomes: siteUrl },
  { placeholder: '<YOUR_SITE_NAME>', becomes: siteName },
  {
    placeholder: '{{KEY}}',
    becomes: 'the value <Template data={{…}}> gives KEY, as the docs site renders it',
  },
  {
    placeholder: '<value> (Speakeasy reference examples)',
    becomes: 'left as written: any string the reader picks, which the API takes as given',
  },
  {
    placeholder:
      '$OPENROUTER_API_KEY, process.env.OPENROUTER_API_KEY, os.environ["OPENROUTER_API_KEY"]',
    becomes: 'left as written: OPENROUTER_API_KEY is set in the tab’s environment',
  },
]

export const substitutePlaceholders = (code: string, key: string, managementKey?: string) =>
  code
    .replaceAll(managementKeyPlaceholder, managementKey ?? managementKeyPlaceholder)
    .replaceAll('<OPENROUTER_API_KEY>', key)
    .replaceAll('YOUR_OPENROUTER_API_KEY', key)
    .replaceAll('<YOUR_SITE_URL>', siteUrl)
    .replaceAll('<YOUR_SITE_NAME>', siteName)
