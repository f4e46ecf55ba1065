// Rolling windows of a fixed length over a list.
import { describe, expect, it } from 'vitest';
import { rollingWindows } from '../../../src/signals/stats/rolling-windows.js';

describe('rollingWindows', () => {
  it('rolling windows of a fixed length', () => {
    expect(rollingWindows([1, 2, 3, 4], 2)).toEqual([
      [1, 2],
      [2, 3],
      [3, 4],
    ]);
    expect(rollingWindows([1], 2)).toEqual([]);
    expect(() => rollingWindows([1], 0)).toThrow(/positive integer/);
  });
});
