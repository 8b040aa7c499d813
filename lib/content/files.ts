import fs from 'node:fs';
import path from 'node:path';
import type { IssueCollector } from './issues';

/** Reads content files relative to the repository root and names them the way messages show them. */
export class ContentFiles {
  constructor(readonly root: string) {}

  /** "content/citations.yaml" — the path a marketer sees in their editor. */
  relative(...parts: string[]): string {
    return path.posix.join('content', ...parts);
  }

  absolute(...parts: string[]): string {
    return path.join(this.root, 'content', ...parts);
  }

  read(issues: IssueCollector, ...parts: string[]): string | null {
    const file = this.absolute(...parts);
    if (!fs.existsSync(file)) {
      issues.error(
        this.relative(...parts),
        1,
        1,
        'File is missing',
        `Create ${this.relative(...parts)} or restore it from git.`,
      );
      return null;
    }
    return fs.readFileSync(file, 'utf8');
  }

  exists(...parts: string[]): boolean {
    return fs.existsSync(this.absolute(...parts));
  }

  list(...parts: string[]): string[] {
    const directory = this.absolute(...parts);
    return fs.existsSync(directory) ? fs.readdirSync(directory).sort() : [];
  }

  isDirectory(...parts: string[]): boolean {
    const target = this.absolute(...parts);
    return fs.existsSync(target) && fs.statSync(target).isDirectory();
  }
}
