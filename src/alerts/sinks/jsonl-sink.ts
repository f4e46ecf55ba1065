// The JSON-lines sink: each alert as one JSON object per line, appended to a file. Before appending
// it looks for the alert's key among the lines already there, so a run killed between writing and
// recording the delivery does not write the line twice: this sink delivers exactly once.
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Alert } from '../alert.js';
import { SinkError, type AlertSink } from './sink.js';

/** Keys of the lines in `path` (lines that are not JSON objects with a key are skipped). */
export function jsonlKeys(path: string): Set<string> {
  const keys = new Set<string>();
  if (!existsSync(path)) return keys;
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    try {
      const key = (JSON.parse(line) as { key?: unknown }).key;
      if (typeof key === 'string') keys.add(key);
    } catch {
      // A line cut by a crash mid-write: its alert is written again whole.
    }
  }
  return keys;
}

/** A sink appending to `path`. */
export function jsonlSink(name: string, path: string): AlertSink {
  return {
    name,
    type: 'jsonl',
    target: path,
    send(alert: Alert): Promise<void> {
      try {
        if (jsonlKeys(path).has(alert.key)) return Promise.resolve();
        mkdirSync(dirname(path), { recursive: true });
        // A file cut mid-line by a crash gets a line break first, so the new line stands alone.
        const text = existsSync(path) ? readFileSync(path, 'utf8') : '';
        const lead = text !== '' && !text.endsWith('\n') ? '\n' : '';
        appendFileSync(path, `${lead}${JSON.stringify(alert)}\n`);
        return Promise.resolve();
      } catch (cause) {
        return Promise.reject(
          new SinkError(name, `cannot write ${path}: ${(cause as Error).message}`, { retryable: true, cause }),
        );
      }
    },
  };
}
