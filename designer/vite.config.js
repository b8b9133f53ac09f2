import { defineConfig } from 'vite';

// The built designer is served by Workflows.Host at /designer/ (wwwroot/designer is gitignored).
// `npm run dev` proxies /api to the host (override with API_URL=http://host:port).
export default defineConfig({
  base: '/designer/',
  build: {
    outDir: '../src/Workflows.Host/wwwroot/designer',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2500
  },
  server: {
    port: 5173,
    proxy: {
      '/api': {
        target: process.env.API_URL || 'http://localhost:5000',
        changeOrigin: true
      }
    }
  }
});
