/**
 * `npm run content:check`: validates every file in content/ and prints each problem as
 * path:line:column: message, so a marketer can jump straight to it. Exit code 1 on any error.
 */
import { formatIssue } from './issues';
import { checkContent } from './load';

const { issues } = checkContent(process.cwd());
const errors = issues.filter((issue) => issue.severity === 'error');
const warnings = issues.filter((issue) => issue.severity === 'warning');

for (const issue of issues) {
  (issue.severity === 'error' ? console.error : console.warn)(formatIssue(issue));
}
if (errors.length > 0) {
  console.error(
    `\n✗ ${errors.length} error(s), ${warnings.length} warning(s) in content/. Fix the errors above; the site will not build until then.`,
  );
  process.exit(1);
}
console.log(`✓ content/ is valid (${warnings.length} warning(s)).`);
