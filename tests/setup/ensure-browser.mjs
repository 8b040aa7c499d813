/**
 * Run before the tests: checks for a Chromium (Playwright and Lighthouse), Java (the Nu HTML Checker),
 * nginx and envsubst (tests/e2e/nginx.spec.ts renders deploy/nginx with envsubst and runs it in front
 * of the app) and redis-server (the shared cache and limits tests), and installs Debian's packages for
 * whatever is missing (browser downloads do not work here). The tests start their own unprivileged
 * nginx and redis-server; the system services the packages may start are not used.
 */
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import { chromiumExecutable } from './browser.mjs';

const asRoot = process.getuid?.() === 0 ? '' : 'sudo ';

function aptInstall(packages) {
  console.log(`Installing ${packages.join(', ')} from Debian…`);
  try {
    execSync(
      `${asRoot}apt-get update -qq && ${asRoot}env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${packages.join(' ')}`,
      { stdio: 'inherit' },
    );
  } catch {
    console.error(
      `Could not install ${packages.join(', ')}. Install them (apt-get install ${packages.join(' ')}) and run the tests again.`,
    );
    process.exit(1);
  }
}

console.log('Checking for a browser, Java, nginx, envsubst and redis-server…');
const missing = [];
if (!chromiumExecutable()) missing.push('chromium');
const runs = (command) => {
  try {
    execSync(command, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};
if (!runs('java -version')) missing.push('default-jre-headless');
if (!fs.existsSync('/usr/share/fonts/truetype/dejavu')) missing.push('fonts-dejavu-core');
const hasNginx = fs.existsSync('/usr/sbin/nginx') || runs('nginx -v');
if (!hasNginx) missing.push('nginx');
// envsubst comes with gettext-base.
if (!runs('envsubst --version')) missing.push('gettext-base');
if (!fs.existsSync('/usr/bin/redis-server')) missing.push('redis-server');
if (missing.length > 0) aptInstall(missing);

const browser = chromiumExecutable();
if (!browser) {
  console.error('No Chromium found after installing: expected /usr/bin/chromium.');
  process.exit(1);
}
console.log(`Browser: ${browser.source}`);
if (!hasNginx && !fs.existsSync('/usr/sbin/nginx')) {
  console.error('No nginx found after installing: expected /usr/sbin/nginx.');
  process.exit(1);
}
console.log(`nginx: ${fs.existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : 'on PATH'}`);
if (!runs('envsubst --version')) {
  console.error('No envsubst found after installing gettext-base.');
  process.exit(1);
}
if (!fs.existsSync('/usr/bin/redis-server')) {
  console.error('No redis-server found after installing: expected /usr/bin/redis-server.');
  process.exit(1);
}
console.log('redis-server: /usr/bin/redis-server');
