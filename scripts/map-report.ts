/**
 * Prints the event map report, generated from lib/realtime/cache/event-map.ts.
 *   npm run map:report              Markdown table on stdout
 *   npm run map:report -- --json    the same as JSON
 *   npm run map:report -- --write   rewrite docs/event-map.generated.md (commit it with the map change)
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderJson, renderMarkdown } from '../lib/realtime/cache/map-report';

const DEFAULTS = {
  generatedFile: fileURLToPath(new URL('../docs/event-map.generated.md', import.meta.url)),
};

const USAGE = 'Usage: npm run map:report [-- --json | --write]';

function main(args: string[]): number {
  const unknown = args.filter((arg) => !['--json', '--write', '--help', '-h'].includes(arg));
  if (unknown.length > 0) {
    console.error(`Unknown option ${unknown.join(' ')}. ${USAGE}`);
    return 2;
  }
  if (args.includes('--help') || args.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  if (args.includes('--json') && args.includes('--write')) {
    console.error(`--write writes the Markdown report; it cannot be combined with --json. ${USAGE}`);
    return 2;
  }
  if (args.includes('--write')) {
    writeFileSync(DEFAULTS.generatedFile, renderMarkdown());
    console.log(`Wrote ${DEFAULTS.generatedFile}`);
    return 0;
  }
  process.stdout.write(args.includes('--json') ? renderJson() : renderMarkdown());
  return 0;
}

process.exitCode = main(process.argv.slice(2));
