// @peculiar/x509 resolves its parsers through tsyringe, which needs the Reflect metadata API.
import 'reflect-metadata'
import { webcrypto } from 'node:crypto'
import * as x509 from '@peculiar/x509'

// A throwaway authority made per run, and a leaf it signs for the hosts the proxy impersonates.
// ECDSA P-256 keys take milliseconds to make; every client here accepts them.
export type Certificates = {
  caCertPem: string
  leafCertPem: string
  leafKeyPem: string
}

// @peculiar/x509 is typed against the DOM's Crypto; Node's webcrypto is the same API.
x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0])

const algorithm = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' }
const signingAlgorithm = { name: 'ECDSA', hash: 'SHA-256' }
const day = 24 * 60 * 60 * 1000

const serial = () =>
  Buffer.from(webcrypto.getRandomValues(new Uint8Array(8)))
    .toString('hex')
    .replace(/^[89a-f]/, '1')

const privateKeyPem = async (key: webcrypto.CryptoKey) => {
  const der = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', key))
  return `-----BEGIN PRIVATE KEY-----\n${der.toString('base64').replace(/.{64}/g, '$&\n')}\n-----END PRIVATE KEY-----\n`
}

export const createCertificates = async (hosts: readonly string[]): Promise<Certificates> => {
  // Back-dated a day so clock skew between processes never makes the chain "not yet valid".
  const notBefore = new Date(Date.now() - day)
  const notAfter = new Date(Date.now() + 7 * day)
  const caKeys = (await webcrypto.subtle.generateKey(algorithm, true, [
    'sign',
    'verify',
  ])) as webcrypto.CryptoKeyPair
  const ca = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial(),
    name: 'CN=OpenRouter conformance mock throwaway CA',
    notBefore,
    notAfter,
    keys: caKeys,
    signingAlgorithm,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(
        x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign,
        true,
      ),
      await x509.SubjectKeyIdentifierExtension.create(caKeys.publicKey),
    ],
  })

  const leafKeys = (await webcrypto.subtle.generateKey(algorithm, true, [
    'sign',
    'verify',
  ])) as webcrypto.CryptoKeyPair
  const leaf = await x509.X509CertificateGenerator.create({
    serialNumber: serial(),
    subject: `CN=${hosts[0]}`,
    issuer: ca.subject,
    notBefore,
    notAfter,
    publicKey: leafKeys.publicKey,
    signingKey: caKeys.privateKey,
    signingAlgorithm,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      new x509.SubjectAlternativeNameExtension(
        hosts.map((host) => ({ type: 'dns' as const, value: host })),
      ),
      await x509.SubjectKeyIdentifierExtension.create(leafKeys.publicKey),
      await x509.AuthorityKeyIdentifierExtension.create(caKeys.publicKey),
    ],
  })

  return {
    caCertPem: ca.toString('pem') + '\n',
    leafCertPem: leaf.toString('pem') + '\n',
    leafKeyPem: await privateKeyPem(leafKeys.privateKey),
  }
}
