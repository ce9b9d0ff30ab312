import { pino, type Logger, type DestinationStream } from 'pino';
import pinoPretty from 'pino-pretty';

export type { Logger };

/** `json` for machines; `pretty` (colour, one readable line per entry) for a person at a terminal. */
export type LogFormat = 'json' | 'pretty';

/** `LOG_FORMAT` when set; otherwise pretty for a person at a terminal in development, else JSON. */
export function logFormatFor(
  configured: LogFormat | undefined,
  env: string,
  terminal: boolean,
): LogFormat {
  return configured ?? (env === 'development' && terminal ? 'pretty' : 'json');
}

export function createLogger(
  level: string,
  destination?: DestinationStream,
  format: LogFormat = 'json',
): Logger {
  return pino(
    {
      level,
      base: { service: 'optiinfra-orchestrator' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: {
        paths: ['req.headers.authorization', 'authorization', '*.authorization', 'secret'],
        censor: '[redacted]',
      },
    },
    destination ??
      (format === 'pretty'
        ? pinoPretty({
            sync: true,
            singleLine: true,
            ignore: 'pid,hostname,service',
            translateTime: 'SYS:HH:MM:ss',
          })
        : undefined),
  );
}
