import { gzipSync } from 'node:zlib';

export interface PageWeight {
  htmlBytes: number;
  htmlGzipBytes: number;
  scripts: number;
  firstLoadJsGzipBytes: number;
  /** The inline RSC payload: the contents of every `self.__next_f.push(…)` script, summed (raw bytes). */
  rscPayloadBytes: number;
}

const kb = (bytes: number) => Math.round((bytes / 1000) * 10) / 10;
export { kb };

/** First-load JS as a browser sees it: every script the HTML loads, each gzipped, summed. */
export async function measurePageWeight(pageUrl: string): Promise<PageWeight> {
  const html = await (await fetch(pageUrl)).text();
  // noModule scripts are polyfills only legacy browsers download; a modern browser skips them.
  const sources = [...html.matchAll(/<script([^>]*)>/g)]
    .filter((match) => !/\bnoModule\b/i.test(match[1]!))
    .flatMap((match) => /\ssrc="([^"]+)"/.exec(match[1]!)?.[1] ?? [])
    .map((source) => new URL(source.replace(/&amp;/g, '&'), pageUrl).href);
  const unique = [...new Set(sources)];
  let firstLoadJsGzipBytes = 0;
  for (const source of unique) {
    const script = Buffer.from(await (await fetch(source)).arrayBuffer());
    firstLoadJsGzipBytes += gzipSync(script, { level: 9 }).length;
  }
  const rscPayloadBytes = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)]
    .map((match) => match[1]!)
    .filter((body) => body.includes('self.__next_f.push'))
    .reduce((total, body) => total + Buffer.byteLength(body), 0);
  return {
    htmlBytes: Buffer.byteLength(html),
    htmlGzipBytes: gzipSync(html, { level: 9 }).length,
    scripts: unique.length,
    firstLoadJsGzipBytes,
    rscPayloadBytes,
  };
}
