import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Database } from '../store/database.ts';
import type { Memory } from './intents.ts';
import { ChatTokenError } from './errors.ts';

/** One step of a stored plan: what confirmChatPlan will run, exactly as it was previewed. */
export interface StoredStep {
  action: string;
  verb: string;
  targetId: string | null;
  params: Record<string, unknown>;
  /** Facts for the audit record and the reply (e.g. the audit event a revert undoes). */
  reverts?: string | undefined;
  /** For recommendations: the id the recommendations service knows. */
  recommendationId?: string | undefined;
  confirm?: string | undefined;
}

export interface StoredPlan {
  conversationId: string;
  summary: string;
  steps: StoredStep[];
}

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

/** Conversation memory and plan tokens, in the shared database so any replica can answer. */
export class ChatStore {
  private readonly db: Database;

  constructor(db: Database) {
    this.db = db;
  }

  /**
   * The conversation's memory, or a fresh conversation when no id is given. A conversation
   * belongs to whoever opened it: another viewer's id reads as unknown (null), like a pruned one.
   */
  async open(
    id: string | null | undefined,
    owner: string,
  ): Promise<{ id: string; memory: Memory } | null> {
    if (id) {
      const [row] = await this.db.query<{ memory: Memory }>(
        'SELECT memory FROM chat_conversations WHERE id = $1 AND owner = $2',
        [id, owner],
      );
      return row ? { id, memory: row.memory } : null;
    }
    const fresh = randomUUID();
    await this.db.query('INSERT INTO chat_conversations (id, owner) VALUES ($1, $2)', [
      fresh,
      owner,
    ]);
    return { id: fresh, memory: {} };
  }

  async save(
    id: string,
    memory: Memory,
    exchange: { message: string; reply: string; intent: unknown },
  ): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.query(
        'UPDATE chat_conversations SET memory = $2, updated_at = now() WHERE id = $1',
        [id, JSON.stringify(memory)],
      );
      await tx.query(
        `INSERT INTO chat_messages (conversation_id, role, content, intent) VALUES
           ($1, 'user', $2, $3), ($1, 'assistant', $4, NULL)`,
        [id, exchange.message, JSON.stringify(exchange.intent), exchange.reply],
      );
    });
  }

  /** Stores a plan and returns its token (shown once; only its hash is kept). */
  async issue(plan: StoredPlan, viewer: string, ttlSeconds: number): Promise<string> {
    const token = `cp_${randomBytes(24).toString('base64url')}`;
    await this.db.query(
      `INSERT INTO chat_plans (token_hash, conversation_id, viewer, plan, expires_at)
       VALUES ($1, $2, $3, $4, now() + make_interval(secs => $5))`,
      [hash(token), plan.conversationId, viewer, JSON.stringify(plan), ttlSeconds],
    );
    return token;
  }

  /**
   * Takes a plan for execution, once: a foreign token is refused without using it up, so its
   * owner can still confirm; expiry is checked in the same statement that marks it used.
   */
  async redeem(token: string, viewer: string): Promise<StoredPlan> {
    const [row] = await this.db.query<{ viewer: string; used: boolean; expired: boolean }>(
      `SELECT viewer, used_at IS NOT NULL AS used, expires_at <= now() AS expired
       FROM chat_plans WHERE token_hash = $1`,
      [hash(token)],
    );
    if (!row) throw new ChatTokenError('TOKEN_INVALID', 'This confirmation token is not known');
    if (row.viewer !== viewer) {
      throw new ChatTokenError(
        'TOKEN_FOREIGN',
        'This plan was prepared for someone else; ask for your own',
      );
    }
    if (row.used) throw new ChatTokenError('TOKEN_USED', 'This plan was already confirmed');
    if (row.expired)
      throw new ChatTokenError('TOKEN_EXPIRED', 'This plan expired; ask again for a fresh one');
    const [taken] = await this.db.query<{ plan: StoredPlan }>(
      `UPDATE chat_plans SET used_at = now()
       WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now() RETURNING plan`,
      [hash(token)],
    );
    if (!taken) throw new ChatTokenError('TOKEN_USED', 'This plan was already confirmed');
    return taken.plan;
  }

  /**
   * Drops used or expired plans (a day after expiry), conversations idle for `days` and older
   * messages of the ones still going; returns how many rows went.
   */
  async prune(days: number): Promise<number> {
    const plans = await this.db.query(
      `DELETE FROM chat_plans WHERE expires_at < now() - interval '1 day' RETURNING 1`,
    );
    const conversations = await this.db.query(
      `DELETE FROM chat_conversations WHERE updated_at < now() - make_interval(days => $1) RETURNING 1`,
      [days],
    );
    const messages = await this.db.query(
      `DELETE FROM chat_messages WHERE created_at < now() - make_interval(days => $1) RETURNING 1`,
      [days],
    );
    return plans.length + conversations.length + messages.length;
  }
}
