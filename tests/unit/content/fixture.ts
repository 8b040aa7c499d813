import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkContent } from '@/lib/content';
import { formatIssue } from '@/lib/content/issues';

/** A copy of the real content/ in a temp dir, so each test can break one file. */
export function contentCopy(): {
  root: string;
  edit: (file: string, change: (text: string) => string) => void;
  write: (file: string, text: string) => void;
} {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'content-test-'));
  fs.cpSync(path.resolve('content'), path.join(root, 'content'), { recursive: true });
  return {
    root,
    edit(file, change) {
      const target = path.join(root, file);
      const before = fs.readFileSync(target, 'utf8');
      const after = change(before);
      if (after === before)
        throw new Error(
          `The edit to ${file} changed nothing: the test is out of date with the content.`,
        );
      fs.writeFileSync(target, after);
    },
    write(file, text) {
      fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      fs.writeFileSync(path.join(root, file), text);
    },
  };
}

export function errorsOf(root: string): string[] {
  return checkContent(root)
    .issues.filter((issue) => issue.severity === 'error')
    .map((issue) => formatIssue({ ...issue, hint: undefined }));
}

export function lineOf(root: string, file: string, needle: string): number {
  const lines = fs.readFileSync(path.join(root, file), 'utf8').split('\n');
  const index = lines.findIndex((line) => line.includes(needle));
  if (index === -1) throw new Error(`"${needle}" not found in ${file}`);
  return index + 1;
}
