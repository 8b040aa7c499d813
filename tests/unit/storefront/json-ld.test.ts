import { describe, expect, it } from 'vitest';
import { serializeJsonLd } from '@/lib/seo/json-ld';

describe('JSON-LD serialization', () => {
  it('cannot be broken out of by content containing </script> or HTML comments', () => {
    const data = {
      name: 'D3 </script><script>alert(1)</script>',
      description: '<!-- x --> & \u2028',
    };
    const serialized = serializeJsonLd(data);
    expect(serialized).not.toMatch(/<\/?script/i);
    expect(serialized).not.toContain('<!--');
    expect(serialized).not.toContain('\u2028');
    // The escaped text is still the same JSON.
    expect(JSON.parse(serialized)).toEqual(data);
  });
});
