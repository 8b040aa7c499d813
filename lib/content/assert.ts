import { formatIssue } from './issues';
import { checkContent } from './load';

/** Used by next.config.ts: prints every problem and throws, so `next build` stops on bad content. */
export function assertContentIsValid(root: string = process.cwd()): void {
  const { content, issues } = checkContent(root);
  for (const issue of issues.filter((item) => item.severity === 'warning'))
    console.warn(formatIssue(issue));
  if (content) return;
  const errors = issues.filter((issue) => issue.severity === 'error').map(formatIssue);
  throw new Error(`Content in content/ has ${errors.length} error(s):\n${errors.join('\n')}`);
}
