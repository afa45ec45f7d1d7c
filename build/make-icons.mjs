// Renders the packaged app's icons from build/icon.svg (npm run icons), so the SVG is the only hand-made source:
//   icon.png               1024×1024, the master
//   icons/<n>x<n>.png      Linux (electron-builder's linux.icon folder), each rendered straight from the SVG
//   icon.icns              macOS, from the 1024 px master
//   icon.ico               Windows, 16–256 px, from the 1024 px master (PNG from 64 px up, BMP below, for the exe)
// The output is deterministic (same SVG, same bytes), which test/unit/build/icons.test.ts relies on to check that the
// committed files are fresh. `node build/make-icons.mjs [outDir]` writes into outDir instead of build/.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import png2icons from 'png2icons';

const buildDir = dirname(fileURLToPath(import.meta.url));

export const SOURCE = join(buildDir, 'icon.svg');
export const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];

/** Every file the generator writes, relative to its output folder. */
export const OUTPUTS = ['icon.png', ...LINUX_SIZES.map((size) => `icons/${size}x${size}.png`), 'icon.icns', 'icon.ico'];

/** The SVG rasterised at size × size; system fonts stay unloaded, so the result depends on nothing but the SVG. */
export function renderPng(svg, size) {
  const resvg = new Resvg(svg, { fitTo: { mode: 'width', value: size }, font: { loadSystemFonts: false } });
  return resvg.render().asPng();
}

/** Writes every icon into outDir (build/ by default) and returns the written paths. */
export function generateIcons(outDir = buildDir) {
  const svg = readFileSync(SOURCE);
  const files = new Map();
  const master = renderPng(svg, 1024);
  files.set('icon.png', master);
  for (const size of LINUX_SIZES) files.set(`icons/${size}x${size}.png`, size === 1024 ? master : renderPng(svg, size));

  png2icons.clearCache();
  const icns = png2icons.createICNS(master, png2icons.BICUBIC, 0);
  const ico = png2icons.createICO(master, png2icons.BICUBIC, 0, false, true);
  png2icons.clearCache();
  if (!icns || !ico) throw new Error('png2icons could not encode the icon');
  files.set('icon.icns', icns);
  files.set('icon.ico', ico);

  const written = [];
  for (const [name, bytes] of files) {
    const path = join(outDir, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, bytes);
    written.push(path);
  }
  return written;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outDir = resolve(process.argv[2] ?? buildDir);
  for (const path of generateIcons(outDir)) process.stdout.write(`${path}\n`);
}
