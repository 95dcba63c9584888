import { Readable, Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { copyRow, isRollHeader, parseRollLine, ROLL_HEADER } from './roll-format.js';

export interface RollImportResult {
  imported: number;
  rejected: { line: number; message: string }[];
  rejectedCount: number;
  committed: boolean;
  message: string;
}

const MAX_LISTED = 1000;

/** Splits bytes into lines, decoding each as strict UTF-8 so a line in another encoding is caught. */
class RollLines extends Transform {
  private rest: Buffer = Buffer.alloc(0);
  private lineNo = 0;
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  readonly rejected: { line: number; message: string }[] = [];
  rejectedCount = 0;
  accepted = 0;
  headerOk = false;
  private readonly seen = new Set<number>();

  constructor(
    private readonly fixed: { electionId: string; municipalityId: string },
    private readonly onProgress?: (lines: number) => void,
  ) {
    super({ readableObjectMode: false });
  }

  private reject(message: string): void {
    this.rejectedCount++;
    if (this.rejected.length < MAX_LISTED) this.rejected.push({ line: this.lineNo, message });
  }

  private handle(bytes: Buffer): string {
    this.lineNo++;
    let line: string;
    try {
      line = this.decoder.decode(bytes);
    } catch {
      this.reject('Linjen er ikke UTF-8. Lagre manntallet som UTF-8.');
      return '';
    }
    if (line.endsWith('\r')) line = line.slice(0, -1);
    if (this.lineNo === 1) {
      this.headerOk = isRollHeader(line);
      if (!this.headerOk) this.reject(`Feil overskriftslinje. Forventet: ${ROLL_HEADER.join(';')}`);
      return '';
    }
    if (!this.headerOk || line.trim() === '') return '';
    const v = parseRollLine(line);
    if (typeof v === 'string') {
      this.reject(v);
      return '';
    }
    const key = Number(v.personalNumber);
    if (this.seen.has(key)) {
      this.reject(`Fødselsnummer ${v.personalNumber.slice(0, 6)}***** står flere ganger i fila.`);
      return '';
    }
    this.seen.add(key);
    this.accepted++;
    if (this.onProgress && this.accepted % 100_000 === 0) this.onProgress(this.lineNo);
    return copyRow([this.fixed.electionId, v.personalNumber, this.fixed.municipalityId, v.givenName, v.familyName, v.birthDate, v.address, v.municipalityNumber, v.district]);
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    const data = this.rest.length ? Buffer.concat([this.rest, chunk]) : chunk;
    let start = 0;
    let out = '';
    for (let i = data.indexOf(10, start); i !== -1; i = data.indexOf(10, start)) {
      out += this.handle(data.subarray(start, i));
      start = i + 1;
      if (out.length > 1 << 20) {
        this.push(out);
        out = '';
      }
    }
    this.rest = Buffer.from(data.subarray(start));
    if (out) this.push(out);
    done();
  }

  override _flush(done: TransformCallback): void {
    if (this.rest.length) {
      const out = this.handle(this.rest);
      if (out) this.push(out);
    }
    done();
  }
}

/**
 * Replaces an election's roll with the voters in `source`, in one transaction: streamed into
 * PostgreSQL with COPY. Any rejected line rolls the whole import back unless `allowRejected`,
 * so the roll is never half-imported.
 */
export async function importRoll(options: {
  databaseUrl: string;
  electionId: string;
  municipalityId: string;
  source: Readable;
  allowRejected?: boolean;
  onProgress?: (lines: number) => void;
}): Promise<RollImportResult> {
  const client = new pg.Client({ connectionString: options.databaseUrl });
  await client.connect();
  const lines = new RollLines({ electionId: options.electionId, municipalityId: options.municipalityId }, options.onProgress);
  try {
    await client.query('begin');
    // PostgreSQL refuses COPY under row-level security, so the import runs as the owner role.
    // It writes only the importing municipality's id (fixed above) and checks the election is theirs.
    const owned = await client.query('select 1 from election where id = $1 and municipality_id = $2', [options.electionId, options.municipalityId]);
    if (owned.rowCount !== 1) throw new Error('The election does not belong to this municipality');
    await client.query('delete from roll_voter where election_id = $1', [options.electionId]);
    const copy = client.query(
      copyFrom('copy roll_voter (election_id, personal_number, municipality_id, given_name, family_name, birth_date, address, municipality_number, district) from stdin'),
    );
    await pipeline(options.source, lines, copy);
    const ok = lines.headerOk && lines.accepted > 0 && (lines.rejectedCount === 0 || options.allowRejected === true);
    if (!ok) {
      await client.query('rollback');
      const why = !lines.headerOk
        ? 'Fila har feil overskriftslinje.'
        : lines.accepted === 0
          ? 'Fila har ingen velgere.'
          : `${lines.rejectedCount} linjer ble avvist.`;
      return { imported: 0, rejected: lines.rejected, rejectedCount: lines.rejectedCount, committed: false, message: `${why} Ingenting er lagret.` };
    }
    await client.query('commit');
    return {
      imported: lines.accepted,
      rejected: lines.rejected,
      rejectedCount: lines.rejectedCount,
      committed: true,
      message: `${lines.accepted} velgere er lagt inn i manntallet${lines.rejectedCount ? `; ${lines.rejectedCount} linjer ble avvist` : ''}.`,
    };
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    // A value the line checks let through but PostgreSQL refused (SQLSTATE class 22, data
    // exception) fails the import as a whole, said in words, not in the database's.
    const code = (error as { code?: unknown } | null)?.code;
    if (typeof code === 'string' && code.startsWith('22')) {
      return { imported: 0, rejected: lines.rejected, rejectedCount: lines.rejectedCount, committed: false, message: 'En linje i fila har en verdi som ikke kan lagres. Ingenting er lagret.' };
    }
    throw error;
  } finally {
    await client.end();
  }
}
