/**
 * Vite configuration for the Lagebild UI: Svelte, the fixed dev port that
 * src-tauri's `devUrl` points at, and a build target that the WebKitGTK /
 * WKWebView shells understand. The dev server may also read the engine's
 * table of event types, which the UI imports (src/lib/event-types.ts).
 */
import { defineConfig } from "vite";
import { svelte } from "@sveltejs/vite-plugin-svelte";

export default defineConfig({
  plugins: [svelte()],
  clearScreen: false,
  server: { host: "127.0.0.1", port: 1420, strictPort: true, fs: { allow: [".", "../crates/lagebild-core/data/events"] } },
  preview: { host: "127.0.0.1", port: 1421 },
  build: {
    outDir: "dist",
    target: "safari15",
    // vis-timeline/standalone bundles moment; the chunk is big but local.
    chunkSizeWarningLimit: 1500,
  },
});
