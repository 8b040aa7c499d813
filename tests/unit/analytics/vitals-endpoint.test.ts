import { afterEach, describe, expect, it, vi } from 'vitest';

vi.mock('server-only', () => ({}));
let address = '192.0.2.1';
vi.mock('next/headers', () => ({ headers: async () => new Headers({ 'x-real-ip': address }) }));

const { POST } = await import('@/app/api/vitals/route');

const report = {
  name: 'INP',
  value: 48,
  rating: 'good',
  id: 'v5-1-2',
  navigationType: 'navigate',
  pageType: 'product',
  path: '/products/vitamin-d3-k2',
};
const beacon = (body: BodyInit, headers: Record<string, string> = {}) =>
  POST(
    new Request('http://localhost/api/vitals', {
      method: 'POST',
      body,
      headers,
      duplex: 'half',
    } as RequestInit),
  );

afterEach(() => vi.restoreAllMocks());

describe('POST /api/vitals', () => {
  it('logs one JSON line per report and answers 204', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const answer = await beacon(JSON.stringify(report));
    expect(answer.status).toBe(204);
    expect(log).toHaveBeenCalledTimes(1);
    const line = JSON.parse(log.mock.calls[0]![0] as string) as Record<string, unknown>;
    expect(line).toEqual({
      event: 'web-vital',
      at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      ...report,
    });
  });

  it('answers 400 with the reason for a bad report, and logs nothing', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const answer = await beacon(JSON.stringify({ ...report, name: 'FID' }));
    expect(answer.status).toBe(400);
    expect(((await answer.json()) as { error: string }).error).toMatch(/^Invalid name:/);
    expect(log).not.toHaveBeenCalled();
  });

  it('answers 413 for a body over 1,000 bytes, announced or streamed', async () => {
    const big = JSON.stringify({ ...report, path: `/${'a'.repeat(2000)}` });
    expect((await beacon(big)).status).toBe(413);
    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(big));
        controller.close();
      },
    });
    expect((await beacon(stream)).status).toBe(413);
  });

  it('answers 429 with Retry-After past 120 reports a minute from one address, and counts others apart', async () => {
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    address = '192.0.2.50';
    const statuses: number[] = [];
    for (let index = 0; index < 121; index += 1)
      statuses.push((await beacon(JSON.stringify(report))).status);
    expect(statuses.slice(0, 120).every((status) => status === 204)).toBe(true);
    const refused = await beacon(JSON.stringify(report));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    address = '192.0.2.51';
    expect((await beacon(JSON.stringify(report))).status).toBe(204);
  });
});
