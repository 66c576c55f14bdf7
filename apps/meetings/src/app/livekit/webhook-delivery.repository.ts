import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { quotedSchema } from '@confer/shared/server/database';

/** Ids of the LiveKit webhook deliveries already handled: a redelivery is recognised and ignored. */
@Injectable()
export class WebhookDeliveryRepository {
  private readonly s: string;

  constructor(private readonly dataSource: DataSource) {
    this.s = quotedSchema(dataSource);
  }

  /** True when this id is new (and is now recorded, with the caller's transaction). */
  async claim(id: string, event: string, manager: EntityManager): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO ${this.s}.livekit_webhook_deliveries (id, event) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING RETURNING id`,
      [id, event],
    );
    return rows.length === 1;
  }

  /** Ids older than any delivery that could still be accepted are not needed to spot a replay. */
  async forgetBefore(before: Date): Promise<void> {
    await this.dataSource.query(`DELETE FROM ${this.s}.livekit_webhook_deliveries WHERE received_at < $1`, [before]);
  }
}
