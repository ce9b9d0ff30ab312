import { AppError } from '../errors.ts';

export type ChatTokenProblem = 'TOKEN_INVALID' | 'TOKEN_FOREIGN' | 'TOKEN_USED' | 'TOKEN_EXPIRED';

/** A confirmation token that cannot be honoured: unknown, someone else's, used, or expired. */
export class ChatTokenError extends AppError {
  readonly code: ChatTokenProblem;
  constructor(code: ChatTokenProblem, message: string) {
    super(message);
    this.code = code;
  }
}
