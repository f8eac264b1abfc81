// What a child process needs to reach the mock unmodified: every runtime's standard proxy and
// trust-store variables. NO_PROXY is emptied so no inherited exception routes around the proxy.
export const childEnvironment = (proxyUrl: string, caFile: string): Record<string, string> => ({
  HTTPS_PROXY: proxyUrl,
  https_proxy: proxyUrl,
  HTTP_PROXY: proxyUrl,
  http_proxy: proxyUrl,
  NO_PROXY: '',
  no_proxy: '',
  // Node 24's fetch and http honour the proxy variables only when asked to.
  NODE_USE_ENV_PROXY: '1',
  NODE_EXTRA_CA_CERTS: caFile,
  // Python's ssl and httpx, requests, and curl each read their own variable.
  SSL_CERT_FILE: caFile,
  REQUESTS_CA_BUNDLE: caFile,
  CURL_CA_BUNDLE: caFile,
})

// The same variables as shell `export` lines, quoted for POSIX shells.
export const exportLines = (variables: Record<string, string>) =>
  Object.entries(variables)
    .map(([name, value]) => `export ${name}='${value.replaceAll("'", `'\\''`)}'`)
    .join('\n')
