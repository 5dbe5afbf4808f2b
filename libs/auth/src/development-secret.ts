import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Where `npm run up` keeps its data, and with it the development signing key. */
export const DEFAULT_LOCAL_DATA_DIR = '.data';
export const DEVELOPMENT_SECRET_FILE = 'jwt-secret';
const SECRET_BYTES = 32;

/**
 * Outside production, with no JWT_SECRET: the signing key of this data
 * directory, made from 32 random bytes on first use and kept in it (mode
 * 0600), so `npm run token` and the API agree without configuration and no
 * two installations share a key. It was once a constant in this source, so
 * anyone could sign an admin token for any development instance they reached.
 */
export function developmentSecret(dataDir: string = DEFAULT_LOCAL_DATA_DIR): string {
  const file = path.resolve(dataDir, DEVELOPMENT_SECRET_FILE);
  const existing = readSecret(file);
  if (existing !== undefined) return existing;
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  // Written whole under a name of its own, then linked into place: a process
  // starting at the same moment either wins the link or reads the winner's.
  const draft = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(draft, `${randomBytes(SECRET_BYTES).toString('base64url')}\n`, { mode: 0o600 });
  try {
    linkSync(draft, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    rmSync(draft, { force: true });
  }
  return readSecret(file)!;
}

function readSecret(file: string): string | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  if (Buffer.byteLength(text, 'utf8') < SECRET_BYTES)
    throw new Error(
      `${file} holds no usable secret (32 bytes or more); delete it to have one made`,
    );
  return text;
}
