// A request whose client went away: an AbortSignal that fires when the response's connection closes
// before the answer was written, so work queued for it (an uncached analysis) can be dropped.
import type { ServerResponse } from 'node:http';

/** The reason a dropped job rejects with. */
export class ClientGoneError extends Error {
  constructor() {
    super('the client closed the connection before its answer was ready');
    this.name = 'ClientGoneError';
  }
}

/** A signal aborted (with a ClientGoneError) when `response` closes before it was fully written. */
export function clientGoneSignal(response: ServerResponse): AbortSignal {
  const controller = new AbortController();
  response.once('close', () => {
    if (!response.writableFinished) controller.abort(new ClientGoneError());
  });
  return controller.signal;
}
