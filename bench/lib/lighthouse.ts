import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

export type ThrottlingMethod = 'simulate' | 'devtools';

export interface MainThreadBreakdown {
  /** Lighthouse's groups of the `mainthread-work-breakdown` audit, in ms (simulate: scaled by the 4x CPU slowdown, as Lighthouse shows them). */
  scriptEvaluationMs: number;
  styleLayoutMs: number;
  otherMs: number;
  /** Everything else: HTML/CSS parsing, script parsing and compilation, rendering, garbage collection. */
  restMs: number;
  totalMs: number;
}

export interface LighthouseFigures {
  performance: number;
  accessibility: number;
  bestPractices: number;
  seo: number;
  fcpMs: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  speedIndexMs: number;
  totalByteWeightKiB: number;
  domSize: number;
  mainThread: MainThreadBreakdown;
}

const CHROME_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/**
 * One Lighthouse run with the default (mobile) preset, in a fresh Chromium. `simulate` is Lighthouse's
 * default (a fast load, then modelled on a slow phone and network); `devtools` throttles the real load
 * (CPU 4x, 150 ms RTT, 1.6 Mbps), as `--throttling-method=devtools`.
 */
export async function runLighthouse(
  url: string,
  chromePath: string,
  throttlingMethod: ThrottlingMethod,
  attempts = 3,
): Promise<LighthouseFigures> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await runOnce(url, chromePath, throttlingMethod);
    } catch (error) {
      // Seen on this machine now and then: CHROME_INTERSTITIAL_ERROR on a page that loads fine the next
      // time. A failed run is repeated (and said so), never counted.
      if (attempt >= attempts) throw error;
      console.warn(
        `  Lighthouse run failed (${(error as Error).message.split('\n')[0]}); running it again`,
      );
    }
  }
}

async function runOnce(
  url: string,
  chromePath: string,
  throttlingMethod: ThrottlingMethod,
): Promise<LighthouseFigures> {
  const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: CHROME_FLAGS });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      throttlingMethod,
    });
    if (!result) throw new Error('Lighthouse returned no result');
    const { categories, audits, runtimeError } = result.lhr;
    if (runtimeError) throw new Error(`Lighthouse: ${runtimeError.code} ${runtimeError.message}`);
    const score = (key: string) => Math.round((categories[key]?.score ?? 0) * 100);
    const numeric = (key: string) => audits[key]?.numericValue ?? NaN;
    const groups = new Map<string, number>();
    const items =
      (
        audits['mainthread-work-breakdown']?.details as
          { items?: Array<{ group: string; duration: number }> } | undefined
      )?.items ?? [];
    for (const item of items) groups.set(item.group, (groups.get(item.group) ?? 0) + item.duration);
    const totalMs = numeric('mainthread-work-breakdown');
    const scriptEvaluationMs = groups.get('scriptEvaluation') ?? 0;
    const styleLayoutMs = groups.get('styleLayout') ?? 0;
    const otherMs = groups.get('other') ?? 0;
    return {
      performance: score('performance'),
      accessibility: score('accessibility'),
      bestPractices: score('best-practices'),
      seo: score('seo'),
      fcpMs: Math.round(numeric('first-contentful-paint')),
      lcpMs: Math.round(numeric('largest-contentful-paint')),
      tbtMs: Math.round(numeric('total-blocking-time')),
      cls: Number(numeric('cumulative-layout-shift').toFixed(3)),
      speedIndexMs: Math.round(numeric('speed-index')),
      totalByteWeightKiB: Math.round(numeric('total-byte-weight') / 1024),
      domSize: numeric('dom-size'),
      mainThread: {
        scriptEvaluationMs: Math.round(scriptEvaluationMs),
        styleLayoutMs: Math.round(styleLayoutMs),
        otherMs: Math.round(otherMs),
        restMs: Math.round(totalMs - scriptEvaluationMs - styleLayoutMs - otherMs),
        totalMs: Math.round(totalMs),
      },
    };
  } finally {
    await chrome.kill();
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/**
 * The median of each figure on its own (a run's LCP is not tied to the same run's TBT); CLS is the
 * largest of any run, as its budget is "0 in every run".
 */
export function summarizeRuns(runs: LighthouseFigures[]): LighthouseFigures {
  const of = (pick: (run: LighthouseFigures) => number) => median(runs.map(pick));
  return {
    performance: of((run) => run.performance),
    accessibility: of((run) => run.accessibility),
    bestPractices: of((run) => run.bestPractices),
    seo: of((run) => run.seo),
    fcpMs: of((run) => run.fcpMs),
    lcpMs: of((run) => run.lcpMs),
    tbtMs: of((run) => run.tbtMs),
    cls: Math.max(...runs.map((run) => run.cls)),
    speedIndexMs: of((run) => run.speedIndexMs),
    totalByteWeightKiB: of((run) => run.totalByteWeightKiB),
    domSize: of((run) => run.domSize),
    mainThread: {
      scriptEvaluationMs: of((run) => run.mainThread.scriptEvaluationMs),
      styleLayoutMs: of((run) => run.mainThread.styleLayoutMs),
      otherMs: of((run) => run.mainThread.otherMs),
      restMs: of((run) => run.mainThread.restMs),
      totalMs: of((run) => run.mainThread.totalMs),
    },
  };
}
