import autocannon from 'autocannon';

export interface LoadFigures {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
}

function summarize(result: autocannon.Result): LoadFigures {
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

/** GET throughput: 20 connections for `seconds`, loopback only. */
export async function loadGet(url: string, seconds: number, connections = 20): Promise<LoadFigures> {
  return summarize(await autocannon({ url, connections, duration: seconds }));
}

const ADD_LINE = `mutation BenchAdd($cartId: ID!, $lines: [CartLineInput!]!) {
  cartLinesAdd(cartId: $cartId, lines: $lines) { cart { id totalQuantity cost { subtotalAmount { amount } } } userErrors { message } }
}`;

/**
 * cartLinesAdd against the local store, spread over many carts so no line ever hits the stock
 * limit (every request does the full add, none is a cheap refusal).
 */
export async function loadCartAdds(storeUrl: string, merchandiseId: string, seconds: number, connections = 20): Promise<LoadFigures & { userErrors: number }> {
  const carts: string[] = [];
  for (let index = 0; index < 400; index++) {
    const response = await fetch(storeUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ query: 'mutation { cartCreate(input: {}) { cart { id } } }' }),
    });
    const body = (await response.json()) as { data: { cartCreate: { cart: { id: string } } } };
    carts.push(body.data.cartCreate.cart.id);
  }
  let next = 0;
  let userErrors = 0;
  const result = await autocannon({
    url: storeUrl,
    connections,
    duration: seconds,
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    requests: [
      {
        setupRequest: (request) => ({
          ...request,
          body: JSON.stringify({ query: ADD_LINE, variables: { cartId: carts[next++ % carts.length], lines: [{ merchandiseId, quantity: 1 }] } }),
        }),
        onResponse: (_status, body) => {
          if (body.includes('"userErrors":[{')) userErrors++;
        },
      },
    ],
  });
  return { ...summarize(result), userErrors };
}
