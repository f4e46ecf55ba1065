// The stdout sink: each alert as plain text on standard output, separated by a blank line.
import type { Alert } from '../alert.js';
import { alertPlainText } from '../alert-text.js';
import type { AlertSink } from './sink.js';

/** A sink writing to `write` (default process.stdout). */
export function stdoutSink(name: string, write: (text: string) => void = (t) => process.stdout.write(t)): AlertSink {
  return {
    name,
    type: 'stdout',
    target: 'standard output',
    send(alert: Alert): Promise<void> {
      write(`${alertPlainText(alert)}\n\n`);
      return Promise.resolve();
    },
  };
}
