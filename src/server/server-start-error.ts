// The error type of starting the server: why it could not listen, by kind, decided at start-up (a
// misconfiguration never reaches a request). The CLI answers each kind with an exit code and one line.

/**
 * - `port-in-use`: another process listens on the port;
 * - `port-forbidden`: the port needs privileges this process lacks;
 * - `bad-address`: the host is not an address of this machine.
 */
export type ServerStartErrorKind = 'port-in-use' | 'port-forbidden' | 'bad-address';

export class ServerStartError extends Error {
  override readonly name = 'ServerStartError';
  constructor(
    readonly kind: ServerStartErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The ServerStartError for a failed listen on host:port, or null when `error` is not a listen failure. */
export function serverStartErrorFrom(error: unknown, host: string, port: number): ServerStartError | null {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'EADDRINUSE':
      return new ServerStartError(
        'port-in-use',
        `serve: port ${port} on ${host} is already in use (another tidemark serve?); stop it or pick another --port`,
        { cause: error },
      );
    case 'EACCES':
      return new ServerStartError(
        'port-forbidden',
        `serve: not allowed to listen on port ${port}; use a port above 1023 (--port)`,
        { cause: error },
      );
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
      return new ServerStartError(
        'bad-address',
        `serve: cannot listen on host "${host}": not an address of this machine`,
        {
          cause: error,
        },
      );
    default:
      return null;
  }
}
