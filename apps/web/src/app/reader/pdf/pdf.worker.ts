// pdf.js's worker, bundled by the Angular build as a module worker (see pdf-viewer.ts).
// pdfjs-dist lives in the repository's node_modules, outside this workspace, so it cannot be an angular.json asset.
import 'pdfjs-dist/build/pdf.worker.min.mjs';
