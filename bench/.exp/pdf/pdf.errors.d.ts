/**
 * Errors the pdf module throws. They carry a stable `code` and an HTTP `status`; the API's exception filter
 * maps them by those properties, so this module does not depend on the HTTP layer. Messages are for users.
 */
/** The HTML handed to the renderer exceeds PDF_MAX_HTML_BYTES (Chromium can crash on very large input). */
export declare class PdfInputTooLargeError extends Error {
    readonly bytes: number;
    readonly maxBytes: number;
    readonly code = "PDF_INPUT_TOO_LARGE";
    readonly status = 413;
    constructor(bytes: number, maxBytes: number);
}
/** No browser could be started, the browser crashed or timed out, or the pool was busy for too long. */
export declare class PdfRenderError extends Error {
    /** What went wrong, for the log; users see the fixed message. */
    readonly reason: string;
    readonly code = "PDF_RENDER_FAILED";
    readonly status = 503;
    constructor(
    /** What went wrong, for the log; users see the fixed message. */
    reason: string, options?: {
        cause?: unknown;
    });
}
