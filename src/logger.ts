import { pino, type Logger, type DestinationStream } from 'pino';

export type { Logger };

export function createLogger(level: string, destination?: DestinationStream): Logger {
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
    destination,
  );
}
