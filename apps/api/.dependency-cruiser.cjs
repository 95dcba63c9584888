/**
 * Import boundaries of the API (`npm run lint`): no import cycles between files, and the lowest
 * layers (`core`, `config`, `common`) import no feature module. See docs/architecture.md.
 */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Import cycles between files (an ORM relation between two entities refers lazily and is not one).',
      from: { pathNot: '\\.entit(y|ies)\\.ts$' },
      to: { circular: true },
    },
    {
      name: 'core-imports-no-module',
      severity: 'error',
      comment: 'core/, config/ and common/ are the lowest layer: every module builds on them, so they import none.',
      from: { path: '^src/(core|config|common)/', pathNot: '\\.(int-)?spec\\.ts$' },
      to: { path: '^src/', pathNot: '^src/(core|config|common)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
