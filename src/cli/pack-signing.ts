import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { packSignedMessage, withSignature, type Ed25519Verify } from '../core';
import { CliError } from './cli-error';
import { describeFsError } from './load-page';

/**
 * Signing packs with Ed25519 (node:crypto; the extension verifies with WebCrypto). A newsroom keeps its private key
 * (PKCS#8 PEM, readable by its owner only) and publishes signed packs; a subscriber pins the public key it first saw,
 * and refuses an update signed by any other key. Public keys are shown and stored as the base64 of their 32 bytes.
 */
export interface KeyPair {
  privateKeyPem: string;
  /** The public key, base64 of its 32 raw bytes. */
  publicKey: string;
}

export function generateSigningKey(): KeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privateKeyPem: privateKey.export({ format: 'pem', type: 'pkcs8' }) as string,
    publicKey: rawPublicKey(publicKey).toString('base64'),
  };
}

function rawPublicKey(key: KeyObject): Buffer {
  const jwk = key.export({ format: 'jwk' });
  return Buffer.from(jwk.x as string, 'base64url');
}

/** Writes KEY (the private key, mode 600) and KEY.pub (the public key); refuses to overwrite a key. */
export async function writeSigningKey(path: string): Promise<KeyPair> {
  if (existsSync(path)) throw new CliError(`${path} exists: a signing key is never overwritten (choose another name)`);
  const pair = generateSigningKey();
  try {
    await writeFile(path, pair.privateKeyPem, { mode: 0o600, flag: 'wx' });
    await writeFile(`${path}.pub`, `${pair.publicKey}\n`);
  } catch (error) {
    throw new CliError(`cannot write ${path}: ${describeFsError(error)}`);
  }
  return pair;
}

export interface SigningKey {
  privateKey: KeyObject;
  /** Raw public key, 32 bytes. */
  publicKey: Uint8Array;
}

export async function readSigningKey(path: string): Promise<SigningKey> {
  let pem: string;
  try {
    pem = await readFile(path, 'utf8');
  } catch (error) {
    throw new CliError(`cannot read signing key ${path}: ${describeFsError(error)}`);
  }
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(pem);
  } catch {
    throw new CliError(`${path} is not a private key (make one with: firsthand corpus keygen --out ${path})`);
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new CliError(`${path} is not an Ed25519 key`);
  return { privateKey, publicKey: new Uint8Array(rawPublicKey(createPublicKey(privateKey))) };
}

/** The pack with its signature by this key (an earlier signature is replaced). */
export function signPack(bytes: Uint8Array, key: SigningKey): Uint8Array {
  const signature = sign(null, packSignedMessage(bytes), key.privateKey);
  return withSignature(bytes, key.publicKey, new Uint8Array(signature));
}

export const nodeVerify: Ed25519Verify = (publicKey, signature, message) => {
  const key = createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(publicKey).toString('base64url') },
    format: 'jwk',
  });
  return verify(null, message, key, signature);
};
