/** A place in a content file, 1-based, as editors show it. */
export interface Position {
  line: number;
  column: number;
}

/** Text with the file position of every character, so errors point at the exact column. */
export interface LocatedText {
  text: string;
  positions: Position[];
}

export function locateLine(text: string, start: Position): LocatedText {
  return {
    text,
    positions: Array.from(text, (_, index) => ({ line: start.line, column: start.column + index })),
  };
}

/** Joins lines with a space (the way a paragraph reads); the space is placed at the next line's start. */
export function joinLines(lines: LocatedText[]): LocatedText {
  const text: string[] = [];
  const positions: Position[] = [];
  lines.forEach((line, index) => {
    if (index > 0) {
      text.push(' ');
      positions.push(line.positions[0] ?? { line: 0, column: 0 });
    }
    text.push(line.text);
    positions.push(...line.positions);
  });
  return { text: text.join(''), positions };
}

export function sliceLocated(source: LocatedText, start: number, end: number): LocatedText {
  return { text: source.text.slice(start, end), positions: source.positions.slice(start, end) };
}

/** Where the character at `offset` is; past the end, just after the last character. */
export function positionAt(source: LocatedText, offset: number): Position {
  const exact = source.positions[offset];
  if (exact) return exact;
  const last = source.positions.at(-1);
  return last ? { line: last.line, column: last.column + 1 } : { line: 1, column: 1 };
}

/** Lines of a file as one text joined by "\n", each character (and line break) keeping its place. */
export function locateLines(lines: string[], firstLine: number): LocatedText {
  const positions: Position[] = [];
  lines.forEach((line, index) => {
    for (let column = 1; column <= line.length + 1; column++)
      positions.push({ line: firstLine + index, column });
  });
  // The last line has no line break after it.
  if (lines.length > 0) positions.pop();
  return { text: lines.join('\n'), positions };
}
