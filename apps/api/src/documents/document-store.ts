import { createHash } from 'node:crypto';

/** Hex SHA-256 of a document's bytes: recorded on upload, checked on every read. */
export function sha256Hex(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** The bytes read back are not those recorded on upload. */
export class DocumentChecksumError extends Error {}

/**
 * Where document bytes live. One interface, several stores: files on disk (the default), and
 * others (PostgreSQL large objects, S3-compatible) behind the same three calls. Used as the Nest
 * injection token too.
 */
export abstract class DocumentStore {
  /** Stores the bytes and returns the key to find them by. */
  abstract put(data: Buffer, sha256: string): Promise<string>;
  abstract read(key: string): Promise<Buffer>;
  abstract delete(key: string): Promise<void>;

  /** Reads the bytes and checks them against the checksum and size recorded on upload. */
  async readVerified(key: string, recorded: { sha256: string; size: number }): Promise<Buffer> {
    const data = await this.read(key);
    const sha256 = sha256Hex(data);
    if (sha256 !== recorded.sha256 || data.length !== recorded.size) {
      throw new DocumentChecksumError(`stored ${recorded.sha256} (${recorded.size} bytes), read ${sha256} (${data.length} bytes)`);
    }
    return data;
  }
}
