import { describe, expect, it } from 'vitest';
import { arrayElementLines, nonFiniteToken, parseJsonText } from '../../../src/sources/caches/json-text.js';

describe('json-text', () => {
  it('finds the line each element of the rows array starts on, ignoring nested arrays and strings', () => {
    const text =
      '{\n "metadata": {"fields": ["a", "b"], "note": "rows: [ {"},\n "rows": [\n  {"x": [1, 2]},\n\n  {"y": "]"}, 3\n ]\n}';
    expect(arrayElementLines(text, 'rows')).toEqual([4, 6, 6]);
    expect(arrayElementLines('[{"a":1},{"a":2}]', null)).toEqual([1, 1]);
    expect(arrayElementLines('{"other": []}', 'rows')).toEqual([]);
  });

  it('keeps bare NaN/Infinity outside strings as marker values and leaves strings alone', () => {
    const parsed = parseJsonText('t', 'f.json', '{"a": NaN, "b": -Infinity, "c": "NaN", "d": [Infinity]}') as Record<
      string,
      unknown
    >;
    expect(nonFiniteToken(parsed['a'])).toBe('NaN');
    expect(nonFiniteToken(parsed['b'])).toBe('-Infinity');
    expect(parsed['c']).toBe('NaN');
    expect(nonFiniteToken(parsed['c'])).toBeNull();
    expect(nonFiniteToken((parsed['d'] as unknown[])[0])).toBe('Infinity');
  });

  it('names the layout and file on malformed JSON', () => {
    expect(() => parseJsonText('layout-x', '/d/f.json', '{"a": ')).toThrow(
      /^layout-x: \/d\/f\.json: malformed JSON \(/,
    );
  });
});
