import {
  AppError,
  ForbiddenError,
  NotFoundError,
  ProviderError,
  ValidationError,
} from '../../errors.ts';

// AWS error codes (the `name` the SDK gives a service exception), grouped into the contract's
// closed set of error kinds. Suffix "Fault" variants are what RDS's SDK names them.
const NOT_FOUND = new Set([
  'InvalidInstanceID.NotFound',
  'InvalidVolume.NotFound',
  'DBInstanceNotFound',
  'DBInstanceNotFoundFault',
]);
const FORBIDDEN = new Set([
  'UnauthorizedOperation',
  'AccessDenied',
  'AccessDeniedException',
  'AuthFailure',
  'InvalidClientTokenId',
  'SignatureDoesNotMatch',
  'UnrecognizedClientException',
  'ExpiredToken',
  'ExpiredTokenException',
  'OptInRequired',
]);
const INVALID = new Set([
  'IncorrectInstanceState',
  'IncorrectState',
  'InvalidDBInstanceState',
  'InvalidDBInstanceStateFault',
  'VolumeInUse',
  'InvalidParameterValue',
  'InvalidParameterCombination',
  'InvalidInstanceID.Malformed',
  'InvalidVolumeID.Malformed',
  'ValidationError',
  'ScalingActivityInProgress',
  'ScalingActivityInProgressFault',
]);

interface SdkError {
  name?: string;
  Code?: string;
  message?: string;
  code?: string;
  $metadata?: { httpStatusCode?: number; attempts?: number };
}

/** The AWS error code of a thrown SDK error, or undefined for non-service failures. */
export function awsErrorCode(err: unknown): string | undefined {
  const e = err as SdkError;
  return e.Code ?? (e.$metadata?.httpStatusCode ? e.name : undefined);
}

/** Maps any failure of an AWS call to the contract's error kinds, naming region and call. */
export function mapAwsError(err: unknown, what: string): AppError {
  if (err instanceof AppError) return err;
  const e = err as SdkError;
  const code = awsErrorCode(err);
  const message = e.message ?? String(err);
  if (code && NOT_FOUND.has(code)) return new NotFoundError(`${what}: ${message}`);
  if (code && FORBIDDEN.has(code))
    return new ForbiddenError(`${what}: AWS refused (${code}): ${message}`);
  if (code && INVALID.has(code))
    return new ValidationError(`${what}: ${message}`, [{ path: 'id', message: code }]);
  const attempts = e.$metadata?.attempts;
  const tried = attempts && attempts > 1 ? ` after ${attempts} attempts` : '';
  // Network errors carry a Node code (ECONNREFUSED, ETIMEDOUT); service errors an AWS code.
  return new ProviderError(
    'AWS',
    `${what} failed${tried}: ${code ?? e.code ?? 'error'}: ${message}`,
  );
}

/** A short description of a poll failure for `failures()` and `status`. */
export function describeFailure(err: unknown): string {
  const e = err as SdkError;
  const code = awsErrorCode(err) ?? e.code ?? e.name;
  return code ? `${code}: ${e.message ?? String(err)}` : (e.message ?? String(err));
}
