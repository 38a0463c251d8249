// Vite plugin: `import title from './x/en.md?title'` gives just the Markdown's `# Title` line.
// The walkthrough menu and catalog() need every title at start-up, but the texts themselves
// (≈ 90 kB gzipped for all walkthroughs in both languages) load only when one is opened, so
// they stay out of the first-load JavaScript.
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';

const TITLE_QUERY = /\.md\?title$/;

export function walkthroughTitles(): Plugin {
  return {
    name: 'zooscope-walkthrough-titles',
    enforce: 'pre',
    load(id) {
      if (!TITLE_QUERY.test(id)) return null;
      const file = id.replace(/\?title$/, '');
      this.addWatchFile(file);
      const heading = /^# (.+)$/m.exec(readFileSync(file, 'utf8'));
      return `export default ${JSON.stringify(heading ? heading[1]!.trim() : '')};`;
    },
  };
}
