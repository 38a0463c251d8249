import { defineConfig } from 'vitest/config';
import { walkthroughTitles } from './scripts/walkthrough-titles-plugin';

// Engine and worker tests run in Node; UI tests opt into happy-dom with a file-level
// `// @vitest-environment happy-dom` comment.
export default defineConfig({
  plugins: [walkthroughTitles()],
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'tests/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
  },
});
