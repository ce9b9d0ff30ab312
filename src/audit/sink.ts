import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type * as S3 from '@aws-sdk/client-s3';

/** Where the latest signed checkpoint is kept outside the database. */
export interface CheckpointSink {
  readonly name: string;
  read(): Promise<string | null>;
  write(note: string): Promise<void>;
}

/** A file, replaced atomically (write, then rename). */
export class FileSink implements CheckpointSink {
  readonly name: string;
  private readonly path: string;
  constructor(path: string) {
    this.path = path;
    this.name = `file ${path}`;
  }
  async read(): Promise<string | null> {
    try {
      return readFileSync(this.path, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }
  async write(note: string): Promise<void> {
    mkdirSync(dirname(this.path), { recursive: true });
    const tmp = `${this.path}.${process.pid}.tmp`;
    writeFileSync(tmp, note, { mode: 0o644 });
    renameSync(tmp, this.path);
  }
}

type S3Sdk = typeof S3;

/**
 * An S3 object (`s3://bucket/key`); AWS_ENDPOINT (an emulator) gets path-style requests. The
 * S3 SDK is loaded on the first read or write, so a process without an S3 sink never loads it.
 */
export class S3Sink implements CheckpointSink {
  readonly name: string;
  private readonly aws: { endpoint: string | undefined; region: string };
  private connected: Promise<{ sdk: S3Sdk; client: S3.S3Client }> | undefined;
  private readonly bucket: string;
  private readonly key: string;
  constructor(url: URL, aws: { endpoint: string | undefined; region: string }) {
    this.bucket = url.hostname;
    this.key = url.pathname.replace(/^\//, '') || 'audit-checkpoint';
    this.name = `s3://${this.bucket}/${this.key}`;
    this.aws = aws;
  }
  private connect(): Promise<{ sdk: S3Sdk; client: S3.S3Client }> {
    return (this.connected ??= import('@aws-sdk/client-s3').then((sdk) => ({
      sdk,
      client: new sdk.S3Client({
        region: this.aws.region,
        ...(this.aws.endpoint ? { endpoint: this.aws.endpoint, forcePathStyle: true } : {}),
      }),
    })));
  }
  async read(): Promise<string | null> {
    const { sdk, client } = await this.connect();
    try {
      const out = await client.send(
        new sdk.GetObjectCommand({ Bucket: this.bucket, Key: this.key }),
      );
      return (await out.Body?.transformToString('utf8')) ?? null;
    } catch (err) {
      if (err instanceof sdk.NoSuchKey) return null;
      throw err;
    }
  }
  async write(note: string): Promise<void> {
    const { sdk, client } = await this.connect();
    await client.send(
      new sdk.PutObjectCommand({
        Bucket: this.bucket,
        Key: this.key,
        Body: note,
        ContentType: 'text/plain',
      }),
    );
  }
}

export function openSink(
  target: string | undefined,
  aws: { endpoint: string | undefined; region: string },
): CheckpointSink | undefined {
  if (!target) return undefined;
  if (target.startsWith('s3://')) return new S3Sink(new URL(target), aws);
  return new FileSink(target);
}
