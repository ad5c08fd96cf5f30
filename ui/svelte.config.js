/**
 * Svelte compiler settings shared by Vite, svelte-check and eslint.
 */
import { vitePreprocess } from "@sveltejs/vite-plugin-svelte";

export default {
  preprocess: vitePreprocess(),
  compilerOptions: { runes: true },
};
