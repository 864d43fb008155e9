#!/usr/bin/env node
// Playwright cannot download its own browsers here: use Debian's chromium, installing it when missing.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (existsSync(CHROMIUM)) process.exit(0);

console.log(`[ensure-chromium] ${CHROMIUM} is missing; installing Debian's chromium (needs root and apt).`);
const sudo = process.getuid && process.getuid() !== 0 ? 'sudo ' : '';
try {
  execSync(`${sudo}apt-get update -qq && ${sudo}env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium`, {
    stdio: 'inherit',
  });
} catch {
  console.error('[ensure-chromium] Could not install chromium. Install it by hand: apt-get install -y chromium');
  process.exit(1);
}
if (!existsSync(CHROMIUM)) {
  console.error(`[ensure-chromium] chromium was installed but ${CHROMIUM} does not exist; set CHROMIUM_PATH.`);
  process.exit(1);
}
