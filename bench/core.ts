/** Entry point of `npm run bench:core`; see bench/README.md. */
import { main } from './main';

process.exitCode = await main(process.argv.slice(2));
