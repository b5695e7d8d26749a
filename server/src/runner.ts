// Run a request handler safely: honour cancellation, turn an exception into an empty answer and a
// log line. A bug in one feature must never take the server down.
import { LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver/node';

export type Logger = (message: string) => void;

export function runSafely<T>(log: Logger, what: string, fallback: T, token: CancellationToken | undefined, fn: () => T): T | ResponseError<void> {
  if (token?.isCancellationRequested) return cancelled();
  try {
    const result = fn();
    if (token?.isCancellationRequested) return cancelled();
    return result;
  } catch (err) {
    log(`${what} failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
    return fallback;
  }
}

function cancelled(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
}
