import { IMAGE_NAME } from './images';
import { checkSvg } from './svg';
import type { ContentFiles } from './files';
import type { IssueCollector } from './issues';

export interface ImageFile {
  width: number;
  height: number;
  /** The file as written; it passed checkSvg. */
  svg: string;
}

/** Every illustration by file name; null for one with errors (they are reported already). */
export type ImageLibrary = Map<string, ImageFile | null>;

/**
 * Checks every SVG in content/images, not only the ones a product uses: /images/<name>.svg serves
 * all of them from the site's own origin, where a script in any one would run.
 */
export function loadImages(files: ContentFiles, issues: IssueCollector): ImageLibrary {
  const library: ImageLibrary = new Map();
  for (const name of files.list('images')) {
    if (!IMAGE_NAME.test(name)) continue;
    const svg = files.read(issues, 'images', name);
    if (svg === null) continue;
    const { problems, size } = checkSvg(svg);
    for (const problem of problems)
      issues.error(
        files.relative('images', name),
        problem.line,
        problem.column,
        problem.message,
        problem.hint,
      );
    library.set(name, problems.length === 0 && size ? { ...size, svg } : null);
  }
  return library;
}
