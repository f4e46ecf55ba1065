// A section's availability from named checks.
import { describe, expect, it } from 'vitest';
import { availabilityOf } from '../../src/signals/section.js';

describe('availabilityOf', () => {
  it('lists the failed checks in order and is available only when none failed', () => {
    expect(availabilityOf({ spot: true, etfFlows: true })).toEqual({ available: true, missing: [] });
    expect(availabilityOf({ spot: false, etfFlows: true, cme: false })).toEqual({
      available: false,
      missing: ['spot', 'cme'],
    });
    expect(availabilityOf({})).toEqual({ available: true, missing: [] });
  });
});
