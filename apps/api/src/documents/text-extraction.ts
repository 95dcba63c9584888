import { Worker } from 'node:worker_threads';
import { DOCX_TYPE, ODT_TYPE, PDF_TYPE, TextExtractionError, WORKER_MARKER, type WorkerInput, type WorkerOutput } from './text-extraction.worker.js';

export { TextExtractionError } from './text-extraction.worker.js';

/** Extracted text is cut here: enough for search, bounded for the row and the index. */
export const TEXT_LIMIT_CHARS = 2 * 1024 * 1024;

export interface ExtractionLimits {
  /** Wall-clock time for one document, worker start included; then the worker is terminated. */
  timeoutMs: number;
  /** Largest uncompressed XML part of a DOCX/ODT. */
  maxUnzippedBytes: number;
  /** Largest document handed to the worker at all. */
  maxInputBytes: number;
  /** Extracted text is cut here. */
  maxChars: number;
  /** The worker's JavaScript heap; a document that needs more ends the worker, not the process. */
  memoryMb: number;
}

export const DEFAULT_EXTRACTION_LIMITS: ExtractionLimits = {
  timeoutMs: 60_000,
  maxUnzippedBytes: 64 * 1024 * 1024,
  maxInputBytes: 100 * 1024 * 1024,
  maxChars: TEXT_LIMIT_CHARS,
  memoryMb: 512,
};

/** The types text is extracted from. */
export const TEXT_TYPES: readonly string[] = [PDF_TYPE, DOCX_TYPE, ODT_TYPE];

export function hasText(contentType: string): boolean {
  return TEXT_TYPES.includes(contentType);
}

/**
 * The worker's script beside this module: `.js` in the build, `.ts` when running from the source
 * (Jest), which Node runs with its type stripping (the worker file imports no relative modules).
 */
const FROM_SOURCE = import.meta.url.endsWith('.ts');
const WORKER_URL = new URL(FROM_SOURCE ? './text-extraction.worker.ts' : './text-extraction.worker.js', import.meta.url);

/**
 * The text of a document by its type, or null for types without text (images). PDF, DOCX and
 * ODT are read in a worker thread of their own, never in the calling event loop, within
 * `limits`; throws `TextExtractionError` when the file is unreadable, too large, takes longer
 * than the time limit (the worker is terminated) or the worker dies.
 */
export async function extractText(data: Uint8Array, contentType: string, limits: ExtractionLimits = DEFAULT_EXTRACTION_LIMITS): Promise<string | null> {
  if (!hasText(contentType)) return null;
  if (data.byteLength > limits.maxInputBytes) {
    throw new TextExtractionError('too-large', `The document has ${data.byteLength} bytes, more than the extraction limit of ${limits.maxInputBytes}`);
  }
  // A copy of its own, moved to the worker rather than copied again.
  const copy = new Uint8Array(data.byteLength);
  copy.set(data);
  const input: WorkerInput = { marker: WORKER_MARKER, data: copy, contentType, limits: { maxUnzippedBytes: limits.maxUnzippedBytes, maxChars: limits.maxChars } };
  const worker = new Worker(WORKER_URL, {
    workerData: input,
    transferList: [copy.buffer],
    resourceLimits: { maxOldGenerationSizeMb: limits.memoryMb, maxYoungGenerationSizeMb: Math.min(64, Math.max(8, limits.memoryMb / 8)) },
    // Type stripping (runs from the source) announces itself on every start.
    ...(FROM_SOURCE ? { execArgv: [...process.execArgv, '--disable-warning=ExperimentalWarning'] } : {}),
  });
  return new Promise<string>((resolve, reject) => {
    let settled = false;
    const settle = (outcome: { text: string } | { error: TextExtractionError }) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      // Whatever the worker still holds (pdfjs, a parser mid-document) goes with it.
      void worker.terminate();
      if ('text' in outcome) resolve(outcome.text);
      else reject(outcome.error);
    };
    const timer = setTimeout(() => settle({ error: new TextExtractionError('timeout', `Text extraction took longer than ${limits.timeoutMs} ms and was stopped`) }), limits.timeoutMs);
    worker.once('message', (output: WorkerOutput) => settle(output.ok ? { text: output.text } : { error: new TextExtractionError(output.kind, output.message) }));
    worker.once('error', (error: Error & { code?: string }) => {
      const kind = error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'too-large' : 'crashed';
      settle({ error: new TextExtractionError(kind, `Text extraction worker failed: ${error.message}`) });
    });
    worker.once('exit', (code) => settle({ error: new TextExtractionError('crashed', `Text extraction worker stopped (exit code ${code}) without a result`) }));
  });
}
