/**
 * `[@key]` as Markdown syntax: a micromark extension (tokenizer) plus an mdast-util-from-markdown
 * extension (tree builder), registered on remark-parse by `remarkCitations`.
 *
 * Why syntax and not a search through text nodes afterwards: the parser then handles escapes
 * (`\[@key]` stays text) and gives every citation its exact source position; text
 * nodes lose both (their value has escapes, entities and list indentation removed).
 */
import type { Position } from './located-text';
import type { Data, Literal } from 'mdast';
import type {
  CompileContext,
  Extension as FromMarkdownExtension,
  Token,
} from 'mdast-util-from-markdown';
import type {
  Code,
  Construct,
  Effects,
  Extension as MicromarkExtension,
  State,
  TokenizeContext,
} from 'micromark-util-types';
import type { Processor } from 'unified';

/** A citation as parsed: numbered later, per page, by CitationResolver. */
export interface CitationNode extends Literal {
  type: 'citation';
  /** The citation key, e.g. "ods-vitamin-d". */
  value: string;
  data?: Data & CitationData;
}

export interface CitationData {
  /** Where `[@` is in the content file, for "unknown key" messages. */
  file: string;
  at: Position;
}

declare module 'mdast' {
  interface PhrasingContentMap {
    citation: CitationNode;
  }
  interface RootContentMap {
    citation: CitationNode;
  }
}

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    citation: 'citation';
    citationMarker: 'citationMarker';
    citationKey: 'citationKey';
  }
}

const LEFT_BRACKET = 91;
const RIGHT_BRACKET = 93;
const AT = 64;
const DASH = 45;

/** Keys are lowercase letters, digits and dashes (the schema for citations.yaml says the same). */
const isKeyStart = (code: Code) =>
  code !== null && ((code >= 97 && code <= 122) || (code >= 48 && code <= 57));
const isKeyChar = (code: Code) => isKeyStart(code) || code === DASH;

function tokenizeCitation(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  const open: State = (code) => {
    effects.enter('citation');
    effects.enter('citationMarker');
    effects.consume(code);
    return at;
  };
  const at: State = (code) => {
    if (code !== AT) return nok(code);
    effects.consume(code);
    effects.exit('citationMarker');
    return keyStart;
  };
  const keyStart: State = (code) => {
    if (!isKeyStart(code)) return nok(code);
    effects.enter('citationKey');
    effects.consume(code);
    return key;
  };
  const key: State = (code) => {
    if (isKeyChar(code)) {
      effects.consume(code);
      return key;
    }
    if (code !== RIGHT_BRACKET) return nok(code);
    effects.exit('citationKey');
    effects.enter('citationMarker');
    effects.consume(code);
    effects.exit('citationMarker');
    effects.exit('citation');
    return ok;
  };
  return open;
}

/** Added before the core constructs, so `[@key]` is tried before a link label; anything else falls through. */
const citationConstruct: Construct = { name: 'citation', tokenize: tokenizeCitation };
const citationSyntax: MicromarkExtension = { text: { [LEFT_BRACKET]: citationConstruct } };

const citationFromMarkdown: FromMarkdownExtension = {
  enter: {
    citation(this: CompileContext, token: Token) {
      this.enter({ type: 'citation', value: '' }, token);
    },
  },
  exit: {
    citationKey(this: CompileContext, token: Token) {
      const node = this.stack.at(-1);
      if (node?.type === 'citation') node.value = this.sliceSerialize(token);
    },
    citation(this: CompileContext, token: Token) {
      this.exit(token);
    },
  },
};

/** remark plugin: parse `[@key]` into `citation` nodes. */
export function remarkCitations(this: Processor) {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(citationSyntax);
  (data.fromMarkdownExtensions ??= []).push(citationFromMarkdown);
}
