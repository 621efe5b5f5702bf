// Worker log lines: timestamped, one line each, to stdout (stderr for errors).

export function log(message: string): void {
  console.log(`${new Date().toISOString()} ${message}`);
}

export function logError(message: string, error?: unknown): void {
  const detail = error instanceof Error ? (error.stack ?? error.message) : error === undefined ? '' : String(error);
  console.error(`${new Date().toISOString()} ${message}${detail ? `\n${detail}` : ''}`);
}
