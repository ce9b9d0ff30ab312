import { pino, type Logger, type DestinationStream } from 'pino';
import pinoPretty from 'pino-pretty';

export type { Logger };

/** `json` for machines; `pretty` (colour, one readable line per entry) for a person at a terminal. */
export type LogFormat = 'json' | 'pretty';

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
