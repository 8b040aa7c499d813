/**
 * Run before the tests: makes sure a Chromium is there for Playwright and Lighthouse, and Java for
 * the Nu HTML Checker. Browser downloads do not work here, so Debian's packages are installed.
 */
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import { chromiumExecutable } from './browser.mjs';

const asRoot = process.getuid?.() === 0 ? '' : 'sudo ';

function aptInstall(packages) {
  console.log(`Installing ${packages.join(', ')} from Debian…`);
  try {
    execSync(`${asRoot}apt-get update -qq && ${asRoot}env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${packages.join(' ')}`, { stdio: 'inherit' });
  } catch {
    console.error(`Could not install ${packages.join(', ')}. Install them (apt-get install ${packages.join(' ')}) and run the tests again.`);
    process.exit(1);
  }
}

const missing = [];
if (!chromiumExecutable()) missing.push('chromium');
const hasJava = (() => {
  try {
    execSync('java -version', { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
if (!hasJava) missing.push('default-jre-headless');
if (!fs.existsSync('/usr/share/fonts/truetype/dejavu')) missing.push('fonts-dejavu-core');
if (missing.length > 0) aptInstall(missing);

const browser = chromiumExecutable();
if (!browser) {
  console.error('No Chromium found after installing: expected /usr/bin/chromium.');
  process.exit(1);
}
console.log(`Browser: ${browser.source}`);
