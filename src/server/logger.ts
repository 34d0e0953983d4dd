/**
 * Structured log lines. Entries carry route, status, codes, durations and Flexiti reference ids
 * only: the handler never passes personal data, tokens or secrets to the logger.
 */
export interface LogEntry {
  level: 'info' | 'warn' | 'error';
  event: string;
  route?: string | undefined;
  status?: number | undefined;
  code?: string | undefined;
  referenceId?: string | undefined;
  sessionId?: string | undefined;
  attempt?: number | undefined;
  durationMs?: number | undefined;
  /** Merchant operations (the audit line): what was done, to which ids, for how much, and how it ended. */
  operation?: string | undefined;
  authorizationId?: string | undefined;
  captureId?: string | undefined;
  amount?: number | undefined;
  outcome?: string | undefined;
}

export type Logger = (entry: LogEntry) => void;

export const consoleLogger: Logger = (entry) => {
  const line = JSON.stringify({ time: new Date().toISOString(), source: 'flexiti', ...entry });
  if (entry.level === 'error') console.error(line);
  else if (entry.level === 'warn') console.warn(line);
  else console.log(line);
};

export const silentLogger: Logger = () => {};
