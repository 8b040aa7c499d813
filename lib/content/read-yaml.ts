import { describePath, YamlFile } from './yaml-file';
import type { ContentFiles } from './files';
import type { IssueCollector } from './issues';
import type { z } from 'zod';

export interface ReadYaml<T> {
  /** The parsed file, when its YAML syntax is valid (for positions, even if the schema failed). */
  yaml: YamlFile | null;
  /** The validated data, or null when the file is missing, malformed, or fails the schema. */
  data: T | null;
}

/** Reads one YAML file and validates it, reporting every problem at its line. */
export function readYaml<T>(
  files: ContentFiles,
  issues: IssueCollector,
  parts: string[],
  schema: z.ZodType<T>,
): ReadYaml<T> {
  const source = files.read(issues, ...parts);
  if (source === null) return { yaml: null, data: null };
  const yaml = YamlFile.parse(files.relative(...parts), source, issues);
  if (!yaml) return { yaml: null, data: null };
  const parsed = schema.safeParse(yaml.toJS() ?? {});
  if (!parsed.success) {
    yaml.reportSchemaErrors(parsed.error, issues, describePath);
    return { yaml, data: null };
  }
  return { yaml, data: parsed.data };
}
