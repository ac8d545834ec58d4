/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';

// Tauri serves the built files itself; the dev server only matters for `tauri dev`.
export default defineConfig({
  plugins: [svelte(), svelteTesting()],
  clearScreen: false,
  server: {
    port: 1420,
    strictPort: true,
    fs: {
      // The UI's own files, and the Rust crate's data files that the fake backend (tests and
      // the browser preview only) reads, so the report's figures exist in one place.
      allow: ['.', '../src-tauri/planner-core/data', '../src-tauri/planner-report/fonts'],
    },
  },
  preview: {
    port: 1421,
    strictPort: true,
  },
  envPrefix: ['VITE_', 'TAURI_ENV_'],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // WebKitGTK on Debian 12 and WebView2 both understand this; no newer syntax slips through.
    target: ['safari15', 'chrome105'],
    sourcemap: false,
    // The CSP allows no inline scripts and no data: scripts; keep every asset a file.
    assetsInlineLimit: 0,
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.ts'],
    setupFiles: ['src/test-setup.ts'],
    // On a busy machine a rendering test can take several seconds of wall time.
    testTimeout: 120_000,
  },
});
