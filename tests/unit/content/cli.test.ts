import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentCopy, lineOf } from './fixture';

const tsx = path.resolve('node_modules/.bin/tsx');
const cli = path.resolve('lib/content/cli.ts');
const runCheck = (cwd: string) => spawnSync(tsx, [cli], { cwd, encoding: 'utf8' });

describe('npm run content:check', () => {
  it('passes on the real content', () => {
    const result = runCheck(process.cwd());
    expect(result.stdout).toContain('content/ is valid');
    expect(result.status).toBe(0);
  });

  it('prints every problem as path:line:column: message with a hint, and exits 1', () => {
    const copy = contentCopy();
    const safety = 'content/products/vitamin-d3-k2/sections/safety.md';
    copy.edit(safety, (text) =>
      text.replace('[@blood-k-warfarin-stability]', '[@blood-k-warfarin-stabilty]'),
    );
    copy.edit('content/products/vitamin-d3/product.yaml', (text) =>
      text.replace('    price: 21.00\n', ''),
    );
    const result = runCheck(copy.root);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      new RegExp(
        `${safety}:${lineOf(copy.root, safety, '[@blood-k-warfarin-stabilty]')}:\\d+: Unknown citation key "blood-k-warfarin-stabilty"\\n    hint: Did you mean \\[@blood-k-warfarin-stability\\]\\?`,
      ),
    );
    expect(result.stderr).toMatch(
      /content\/products\/vitamin-d3\/product\.yaml:\d+:5: variants\[1\]\.price: is required/,
    );
    expect(result.stderr).toContain('2 error(s)');
  });
});
