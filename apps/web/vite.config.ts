import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'

/**
 * The API server in development (`npm start` listens on 4000; set TESSERA_API_URL to use
 * another). In production one process serves the app and the API on one origin.
 */
const apiTarget = process.env['TESSERA_API_URL'] ?? 'http://localhost:4000'

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // deck.gl and luma.gl are large on their own; the warning would fire on every build.
    chunkSizeWarningLimit: 2000,
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      '/trpc': { target: apiTarget, changeOrigin: true },
      '/healthz': { target: apiTarget, changeOrigin: true },
      '/yjs': { target: apiTarget, changeOrigin: true, ws: true },
      '/socket.io': { target: apiTarget, changeOrigin: true, ws: true },
    },
  },
  preview: { port: 4173 },
})
