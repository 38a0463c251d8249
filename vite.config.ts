import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { walkthroughTitles } from './scripts/walkthrough-titles-plugin';

// A Content-Security-Policy for the built app: scripts and the engine worker only from our own
// origin, nothing inline (index.html has no inline script), no plugins, no framing of forms. Only
// in the build: the dev server injects an inline React Refresh preamble that such a policy blocks.
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'zooscope-csp',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' }],
    },
  };
}

export default defineConfig({
  plugins: [react(), contentSecurityPolicy(), walkthroughTitles()],
  worker: { format: 'es' },
  build: { target: 'es2022', modulePreload: { polyfill: false } },
});
