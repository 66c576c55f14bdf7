import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsIn, Matches } from 'class-validator';
import {
  BLOCKABLE_TRACKS,
  MEETING_CODE_PATTERN,
  MUTABLE_TRACKS,
  type AllowTrackRequest,
  type BlockableTrack,
  type LockRequest,
  type MutableTrack,
  type MuteRequest,
  type RoleChangeRequest,
} from '@confer/meetings/contracts';

/** A user id (uuid) or a guest's `guest-<uuid>`. */
const IDENTITY_PATTERN = /^(guest-)?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export class CodeIdentityParams {
  @Matches(MEETING_CODE_PATTERN, { message: 'A meeting code looks like abc-defg-hij.' }) code!: string;
  @Matches(IDENTITY_PATTERN, { message: 'Not a participant identity.' }) identity!: string;
}

export class MuteDto implements MuteRequest {
  @ApiProperty({ enum: MUTABLE_TRACKS }) @IsIn(MUTABLE_TRACKS) track!: MutableTrack;
}

export class AllowTrackDto implements AllowTrackRequest {
  @ApiProperty({ enum: BLOCKABLE_TRACKS }) @IsIn(BLOCKABLE_TRACKS) track!: BlockableTrack;
}

export class LockDto implements LockRequest {
  @ApiProperty() @IsBoolean() locked!: boolean;
}

export class RoleDto implements RoleChangeRequest {
  @ApiProperty({ enum: ['co-host', 'participant'] }) @IsIn(['co-host', 'participant']) role!: 'co-host' | 'participant';
}

export class TransferHostDto {
  @ApiProperty() @Matches(IDENTITY_PATTERN, { message: 'Not a participant identity.' }) identity!: string;
}
