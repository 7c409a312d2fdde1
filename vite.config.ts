import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = path.dirname(fileURLToPath(import.meta.url));

/**
 * The web app (src/web) builds to dist/web, which the server serves.
 * PRODUCT.md target: the first page's JS under 300 KB gzipped (checked by
 * test/browser/foundation.browser.test.ts). So every page is lazy
 * (React.lazy per route) and Mantine is deliberately NOT one vendor chunk:
 * left to the automatic splitting, each page loads only the components it
 * uses. React and the data libraries, needed by every page, get long-cached
 * chunks of their own; echarts / zrender load only with a page that draws a chart.
 */
export default defineConfig({
  root: path.join(root, 'src/web'),
  publicDir: false,
  plugins: [react()],
  build: {
    outDir: path.join(root, 'dist/web'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // The lazy charts chunk (echarts/core + zrender) is about 490 kB before gzip.
    chunkSizeWarningLimit: 520,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // tslib is shared by echarts / zrender and by Mantine's scroll lock: taken first, so the
            // charts group (which pulls in its dependencies) does not drag every page into loading charts.
            { name: 'tslib', test: /node_modules[\\/]tslib[\\/]/, priority: 50 },
            { name: 'charts', test: /node_modules[\\/](echarts|zrender)[\\/]/, priority: 40 },
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/, priority: 30 },
            { name: 'data', test: /node_modules[\\/](@tanstack|i18next|react-i18next|html-parse-stringify|void-elements)[\\/]/, priority: 10 },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: 'http://localhost:3000', changeOrigin: false },
    },
  },
});
