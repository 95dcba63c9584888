/**
 * Errors the pdf module throws. They carry a stable `code` and an HTTP `status`; the API's exception filter
 * maps them by those properties, so this module does not depend on the HTTP layer. Messages are for users.
 */
/** The HTML handed to the renderer exceeds PDF_MAX_HTML_BYTES (Chromium can crash on very large input). */
export class PdfInputTooLargeError extends Error {
    bytes;
    maxBytes;
    code = 'PDF_INPUT_TOO_LARGE';
    status = 413;
    constructor(bytes, maxBytes) {
        super('Dokumentet er for stort til å lages som PDF.');
        this.bytes = bytes;
        this.maxBytes = maxBytes;
        this.name = 'PdfInputTooLargeError';
    }
}
/** No browser could be started, the browser crashed or timed out, or the pool was busy for too long. */
export class PdfRenderError extends Error {
    reason;
    code = 'PDF_RENDER_FAILED';
    status = 503;
    constructor(
    /** What went wrong, for the log; users see the fixed message. */
    reason, options) {
        super('PDF-en kunne ikke lages akkurat nå. Prøv igjen om litt.', options);
        this.reason = reason;
        this.name = 'PdfRenderError';
    }
}
//# sourceMappingURL=pdf.errors.js.map