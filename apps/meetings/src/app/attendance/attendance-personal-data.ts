import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { quotedSchema } from '@confer/shared/server/database';
import { LiveRoomService } from '../live/live-room.service';

export const DELETED_USER_NAME = 'Deleted user';

/**
 * The joining part of a person's data: the meetings they took part in (role, status, the device they
 * last asked for a token from) and when they were connected, from which device. Erasure keeps the rows (the meeting's history) without anything that names
 * them, and closes the rooms of the live meetings they hosted.
 */
@Injectable()
export class AttendancePersonalData {
  private readonly s: string;

  constructor(
    private readonly dataSource: DataSource,
    private readonly room: LiveRoomService,
  ) {
    this.s = quotedSchema(dataSource);
  }

  async export(userId: string): Promise<Record<string, unknown>> {
    const participations: unknown[] = await this.dataSource.query(
      `SELECT m.code, m.title, p.display_name AS "displayName", p.role, p.status, p.created_at AS "firstJoinedAt",
         p.admitted_at AS "admittedAt", p.left_at AS "leftAt", p.removed_at AS "removedAt", p.device AS "lastDevice"
       FROM ${this.s}.meeting_participants p JOIN ${this.s}.meetings m ON m.id = p.meeting_id WHERE p.user_id = $1 ORDER BY p.created_at`,
      [userId],
    );
    const attendance: unknown[] = await this.dataSource.query(
      `SELECT m.code, m.title, a.display_name AS "displayName", a.joined_at AS "joinedAt", a.left_at AS "leftAt", a.device
       FROM ${this.s}.meeting_attendance a JOIN ${this.s}.meetings m ON m.id = a.meeting_id WHERE a.user_id = $1 ORDER BY a.joined_at`,
      [userId],
    );
    return { participations, attendance };
  }

  /**
   * Run after the hosted meetings were ended or cancelled: those that were live (ended now, without
   * an end time yet) get one, their open attendance is closed and their rooms deleted, which
   * disconnects everyone. Idempotent.
   */
  async erase(userId: string): Promise<Record<string, number>> {
    const counts = await this.dataSource.transaction(async (manager) => {
      const [ended]: [{ id: string }[], number] = await manager.query(
        `UPDATE ${this.s}.meetings SET ended_at = now() WHERE host_id = $1 AND status = 'ended' AND ended_at IS NULL RETURNING id`,
        [userId],
      );
      await manager.query(
        `UPDATE ${this.s}.meeting_attendance SET left_at = now() WHERE meeting_id = ANY($1::uuid[]) AND left_at IS NULL`,
        [ended.map((m) => m.id)],
      );
      const [, participations]: [unknown[], number] = await manager.query(
        `UPDATE ${this.s}.meeting_participants SET user_id = NULL, display_name = $2, identity = 'deleted-' || id, hand_raised = false, device = NULL,
         updated_at = now()
         WHERE user_id = $1`,
        [userId, DELETED_USER_NAME],
      );
      const [, attendance]: [unknown[], number] = await manager.query(
        `UPDATE ${this.s}.meeting_attendance SET user_id = NULL, display_name = $2, identity = 'deleted-' || id, device = NULL WHERE user_id = $1`,
        [userId, DELETED_USER_NAME],
      );
      return { endedLiveMeetings: ended.map((m) => m.id), participations, attendance };
    });
    for (const id of counts.endedLiveMeetings) await this.room.deleteRoom(id);
    return { roomsClosed: counts.endedLiveMeetings.length, anonymisedParticipations: counts.participations, anonymisedAttendance: counts.attendance };
  }
}
