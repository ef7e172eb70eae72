import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Served by the gateway under /admin/. `npm run dev` proxies the APIs to the gateway of `make up`.
const gateway = process.env.CINEMA_GATEWAY ?? 'http://127.0.0.1:8000';

export default defineConfig({
  base: '/admin/',
  plugins: [react()],
  server: {
    proxy: Object.fromEntries(['/auth', '/admin/api', '/movies', '/ugc'].map((path) => [path, gateway])),
  },
  build: {
    chunkSizeWarningLimit: 3000,
  },
});
