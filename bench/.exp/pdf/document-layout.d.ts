/** Escapes text for HTML element content and quoted attribute values. Every value from data goes through it. */
export declare function escapeHtml(value: string | number): string;
export interface LayoutInput {
    /** BCP 47 language of the document; screen readers and the tagged PDF use it. */
    lang?: string;
    /** Becomes the PDF's title (document metadata). */
    title: string;
    /** Body markup; the caller has escaped every value in it. */
    body: string;
    /** Extra CSS for one document type. */
    css?: string;
}
/** The shared HTML shell every composer wraps its body in: fonts, base print CSS, language and title. */
export declare function renderDocument({ lang, title, body, css }: LayoutInput): string;
/** What every composer returns: a whole document plus the running header and footer. Fits PdfRenderer.render. */
export interface ComposedDocument {
    html: string;
    title: string;
    headerText: string;
    footerText: string;
    lang: string;
}
/** "25.11.2026 kl. 14:03", Norwegian time whatever the server's time zone. */
export declare function formatPrintedAt(at: Date): string;
/** An ISO calendar date ("2023-10-16") as "16.10.2023"; no time zone is involved. */
export declare function formatIsoDate(isoDate: string): string;
