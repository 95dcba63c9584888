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
}
