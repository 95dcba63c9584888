var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
import { Module } from '@nestjs/common';
import { BrowserPool } from './browser-pool.js';
import { PdfRenderer } from './pdf-renderer.service.js';
/**
 * PDF rendering: one warm, bounded Chromium pool and a renderer on top. Composers (./composers) are pure
 * functions that turn domain data into HTML; feature modules call them and hand the result to PdfRenderer.
 * Relies on the global ConfigModule for CONFIG.
 */
let PdfModule = class PdfModule {
};
PdfModule = __decorate([
    Module({
        providers: [BrowserPool, PdfRenderer],
        exports: [BrowserPool, PdfRenderer],
    })
], PdfModule);
export { PdfModule };
//# sourceMappingURL=pdf.module.js.map