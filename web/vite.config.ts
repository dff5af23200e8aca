import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));

/** Vendor chunk for a module id, so app code changes do not bust the big vendor files. */
function vendorChunk(id: string): string | null {
  if (!id.includes('node_modules')) return null;
  if (/[\\/]node_modules[\\/](echarts|zrender|echarts-for-react|size-sensor)[\\/]/.test(id)) return 'echarts';
  if (/[\\/]node_modules[\\/](antd|@ant-design|@rc-component|rc-[^\\/]+|dayjs)[\\/]/.test(id)) return 'antd';
  if (/[\\/]node_modules[\\/](react|react-dom|scheduler|react-router|@tanstack|i18next|react-i18next)[\\/]/.test(id))
    return 'react';
  return null;
}

export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  resolve: {
    // The ESM build of the echarts-for-react core component tree-shakes better than lib/ (CJS).
    alias: [{ find: /^echarts-for-react\/lib\/core$/, replacement: 'echarts-for-react/esm/core.js' }],
  },
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    reportCompressedSize: false,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [{ name: (id: string) => vendorChunk(id), debugName: 'vendor' }],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false, ws: true },
    },
  },
});
