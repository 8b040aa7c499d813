import type { StorePolicies } from '@/lib/content/policy-types';

/** The parts of content/policies.yaml the drawer and /cart show: shipping progress, subscription terms. */
export interface CartPolicy {
  shipping: Pick<StorePolicies['shipping'], 'rate' | 'freeOver'>;
  subscriptions: StorePolicies['subscriptions'];
  /** Where the whole policy is. */
  href: string;
}

export function cartPolicy(policies: StorePolicies): CartPolicy {
  return {
    shipping: { rate: policies.shipping.rate, freeOver: policies.shipping.freeOver },
    subscriptions: policies.subscriptions,
    href: '/policies/shipping-returns',
  };
}
