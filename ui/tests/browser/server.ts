/**
 * Global setup of the browser tests: builds the UI into test-results/dist and
 * serves it with `vite preview` on 127.0.0.1 under the desktop app's content
 * security policy. The returned teardown stops the server; vitest runs it
 * after the tests, whether they passed or not.
 */
import { fileURLToPath } from "node:url";
import { build, preview } from "vite";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

const root = fileURLToPath(new URL("../..", import.meta.url));
const outDir = "test-results/dist";

/** Same policy as src-tauri's `app.security.csp` (connect-src aside: the UI fetches nothing here). */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'none'",
  "object-src 'none'",
  "frame-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

export default async function setup(project: TestProject) {
  await build({ root, logLevel: "warn", build: { outDir, emptyOutDir: true } });
  const server = await preview({
    root,
    logLevel: "warn",
    build: { outDir },
    preview: {
      host: "127.0.0.1",
      port: 14320,
      strictPort: false,
      headers: { "Content-Security-Policy": process.env.LAGEBILD_CSP ?? CSP },
    },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) {
    await server.close();
    throw new Error("vite preview did not report a URL");
  }
  project.provide("baseUrl", url);
  return async () => {
    await server.close();
  };
}
