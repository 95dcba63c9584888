/** The family every document uses; embedded from @fontsource/noto-sans so no system font is involved. */
export declare const DOCUMENT_FONT_FAMILY = "Noto Sans";
/** @font-face rules with the woff2 files inlined as data: URLs; computed once per process. */
export declare function fontFaceCss(): string;
