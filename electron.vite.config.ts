import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

// One config builds the three sides. The main build has more than one entry: the Electron shell, the browser
// host (same services, served to a browser), the benchmark and the trace store's worker, sharing chunks;
// dependencies stay external.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rolldownOptions: {
        input: {
          index: resolve(__dirname, 'electron/main/index.ts'),
          serve: resolve(__dirname, 'electron/serve/index.ts'),
          // the simulator alone, headless: a test SMSC for other tools (`npm run simulator`)
          simulator: resolve(__dirname, 'electron/simulator/index.ts'),
          bench: resolve(__dirname, 'bench/index.ts'),
          // the trace store's worker thread: trace writes and queries off the main thread
          'trace-store-worker': resolve(__dirname, 'electron/core/trace/store/trace-store-worker.ts'),
        },
      },
    },
  },
  preload: {
    // A sandboxed preload must be one CommonJS file whose only require is 'electron'.
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(__dirname, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    plugins: [react()],
    build: {
      outDir: 'out/renderer',
      rolldownOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } },
    },
  },
});
