import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/** The family every chart names; DejaVu Sans has all of Vietnamese's letters and ships as an npm package. */
export const CHART_FONT = "DejaVu Sans";

type ResvgModule = typeof import("@resvg/resvg-wasm");
let ready: Promise<{ Resvg: ResvgModule["Resvg"]; fontBuffers: Uint8Array[] }> | undefined;

/**
 * resvg compiled to WebAssembly: one renderer for every platform, no native binary to download (the registry this
 * project installs from lacks other platforms' prebuilt packages) and no system fonts needed: the fonts are loaded
 * from the dejavu-fonts-ttf package once per process, at the first chart (an idle bot carries none of it).
 */
function load() {
  ready ??= (async () => {
    const [{ initWasm, Resvg }, wasm, regular, bold] = await Promise.all([
      import("@resvg/resvg-wasm"),
      readFile(require.resolve("@resvg/resvg-wasm/index_bg.wasm")),
      readFile(require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf")),
      readFile(require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf")),
    ]);
    await initWasm(wasm);
    return { Resvg, fontBuffers: [regular, bold] };
  })().catch((error: unknown) => {
    // Not remembered: the next chart tries again.
    ready = undefined;
    throw error;
  });
  return ready;
}

/** Rasterizes an SVG document on a white background. */
export async function svgToPng(svg: string): Promise<Uint8Array> {
  const { Resvg, fontBuffers } = await load();
  const resvg = new Resvg(svg, {
    background: "white",
    font: { fontBuffers, defaultFontFamily: CHART_FONT, loadSystemFonts: false },
  });
  const image = resvg.render();
  const png = image.asPng();
  image.free();
  resvg.free();
  return png;
}
