// Assembles src/core/signing/densify.wat into src/core/signing/minhash-wasm.ts (the module's
// bytes as a TypeScript constant, so that the pure core needs no file system to load it).
// Run with `npm run build:wasm` after changing the .wat; with --check it writes nothing and exits
// 1 when the two disagree (test/unit/densify.test.ts runs that). Uses the wabt package (WABT
// compiled to WebAssembly; a dev dependency).
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import wabt from 'wabt';

/** The TypeScript module holding the assembled bytes of `watSource`. */
export async function densifyModuleSource(watSource) {
  const tools = await wabt();
  const parsed = tools.parseWat('densify.wat', watSource, { simd: true });
  parsed.validate();
  const bytes = Array.from(parsed.toBinary({ write_debug_names: false }).buffer);
  parsed.destroy();
  const lines = [];
  for (let i = 0; i < bytes.length; i += 24) lines.push('  ' + bytes.slice(i, i + 24).join(', ') + ',');
  return [
    '/**',
    ' * The WebAssembly module of densify.wat (densification with SIMD, minhash.ts), assembled by',
    ' * `npm run build:wasm` (scripts/build-wasm.mjs). Generated: edit densify.wat, not this file.',
    ' */',
    `export const DENSIFY_WASM = Uint8Array.of(`,
    ...lines,
    ');',
    '',
  ].join('\n');
}

const here = (name) => fileURLToPath(new URL(`../src/core/signing/${name}`, import.meta.url));

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const source = await densifyModuleSource(readFileSync(here('densify.wat'), 'utf8'));
  if (process.argv.includes('--check')) {
    const same = readFileSync(here('minhash-wasm.ts'), 'utf8') === source;
    console.log(same ? 'minhash-wasm.ts is densify.wat assembled' : 'minhash-wasm.ts differs from densify.wat assembled: run npm run build:wasm');
    process.exitCode = same ? 0 : 1;
  } else {
    writeFileSync(here('minhash-wasm.ts'), source);
    console.log('wrote src/core/signing/minhash-wasm.ts');
  }
}
