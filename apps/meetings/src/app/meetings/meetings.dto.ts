import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  Allow,
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDateString,
  IsEmail,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  MEETING_CODE_PATTERN,
  MEETING_SETTINGS_LIMITS,
  SCHEDULING_LIMITS,
  type InviteeRef,
  type MeetingListScope,
  type MeetingSettings,
  type RecurrenceFrequency,
  type RecurrenceRule,
  type ScheduleMeetingRequest,
  type ScreenShareSetting,
  type UpdateMeetingRequest,
  type UpdateOccurrenceRequest,
  type Weekday,
} from '@confer/meetings/contracts';

/** Optional in a PATCH: absent is fine, but null is not a value these fields take. */
const Optional = () => ValidateIf((_object, value) => value !== undefined);
/** Absent, or null to clear. */
const Nullable = () => ValidateIf((_object, value) => value !== undefined && value !== null);

/**
 * The shape of a rule only: unknown keys are refused here, values are judged by validateRecurrence
 * (400 RECURRENCE_INVALID with every field error), which knows the series start.
 */
export class RecurrenceDto implements RecurrenceRule {
  @ApiProperty({ enum: ['daily', 'weekly', 'monthly'] }) @Allow() frequency!: RecurrenceFrequency;
  @ApiPropertyOptional() @Allow() interval?: number;
  @ApiPropertyOptional({ type: [String] }) @Allow() weekdays?: Weekday[];
  @ApiPropertyOptional() @Allow() count?: number;
  @ApiPropertyOptional({ description: 'YYYY-MM-DD in the meeting time zone' }) @Allow() until?: string;
}

export class MeetingSettingsDto implements Partial<MeetingSettings> {
  @ApiPropertyOptional() @Optional() @IsBoolean() waitingRoom?: boolean;
  @ApiPropertyOptional({ enum: ['host', 'everyone'] }) @Optional() @IsIn(['host', 'everyone']) screenShare?: ScreenShareSetting;
  @ApiPropertyOptional() @Optional() @IsBoolean() allowChat?: boolean;
  @ApiPropertyOptional() @Optional() @IsBoolean() allowRecording?: boolean;
  @ApiPropertyOptional() @Optional() @IsBoolean() muteOnEntry?: boolean;
  @ApiPropertyOptional() @Optional() @IsBoolean() cameraOffOnEntry?: boolean;
  @ApiPropertyOptional() @Optional() @IsBoolean() participantsMayUnmute?: boolean;
  @ApiPropertyOptional() @Optional() @IsBoolean() allowGuests?: boolean;
  @ApiPropertyOptional()
  @Optional()
  @IsInt()
  @Min(MEETING_SETTINGS_LIMITS.maxParticipantsMin)
  @Max(MEETING_SETTINGS_LIMITS.maxParticipantsMax)
  maxParticipants?: number;
}

export class InviteeDto implements InviteeRef {
  @ApiPropertyOptional() @Optional() @IsUUID() userId?: string;
  @ApiPropertyOptional() @Optional() @IsEmail() @MaxLength(254) email?: string;
}

export class CreateMeetingDto implements ScheduleMeetingRequest {
  @ApiProperty() @IsString() @Length(1, 200) title!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(5000) description?: string;
  @ApiPropertyOptional() @IsOptional() @IsDateString({ strict: true }) startsAt?: string;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(5) @Max(1440) durationMinutes?: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) timeZone?: string;
  @ApiPropertyOptional({ type: RecurrenceDto }) @Optional() @IsObject() @ValidateNested() @Type(() => RecurrenceDto) recurrence?: RecurrenceDto;
  @ApiPropertyOptional() @Optional() @IsString() @MaxLength(500) rrule?: string;
  @ApiPropertyOptional({ type: MeetingSettingsDto }) @Optional() @IsObject() @ValidateNested() @Type(() => MeetingSettingsDto) settings?: MeetingSettingsDto;
  @ApiPropertyOptional() @Optional() @IsString() @MaxLength(64) passcode?: string;
  @ApiPropertyOptional({ type: [InviteeDto] })
  @Optional()
  @IsArray()
  @ArrayMaxSize(SCHEDULING_LIMITS.inviteesMax)
  @ValidateNested({ each: true })
  @Type(() => InviteeDto)
  invitees?: InviteeDto[];
}

export class UpdateMeetingDto implements UpdateMeetingRequest {
  @ApiPropertyOptional() @Optional() @IsString() @Length(1, 200) title?: string;
  @ApiPropertyOptional() @Optional() @IsString() @MaxLength(5000) description?: string;
  @ApiPropertyOptional() @Optional() @IsDateString({ strict: true }) startsAt?: string;
  @ApiPropertyOptional() @Optional() @IsInt() @Min(5) @Max(1440) durationMinutes?: number;
  @ApiPropertyOptional() @Optional() @IsString() @MaxLength(64) timeZone?: string;
  @ApiPropertyOptional({ type: RecurrenceDto, nullable: true })
  @Nullable()
  @IsObject()
  @ValidateNested()
  @Type(() => RecurrenceDto)
  recurrence?: RecurrenceDto | null;
  @ApiPropertyOptional({ nullable: true }) @Nullable() @IsString() @MaxLength(500) rrule?: string | null;
  @ApiPropertyOptional({ type: MeetingSettingsDto }) @Optional() @IsObject() @ValidateNested() @Type(() => MeetingSettingsDto) settings?: MeetingSettingsDto;
  @ApiPropertyOptional({ nullable: true }) @Nullable() @IsString() @MaxLength(64) passcode?: string | null;
  @ApiPropertyOptional({ type: [InviteeDto] })
  @Optional()
  @IsArray()
  @ArrayMaxSize(SCHEDULING_LIMITS.inviteesMax)
  @ValidateNested({ each: true })
  @Type(() => InviteeDto)
  invitees?: InviteeDto[];
}

export class UpdateOccurrenceDto implements UpdateOccurrenceRequest {
  @ApiPropertyOptional() @Optional() @IsDateString({ strict: true }) startsAt?: string;
  @ApiPropertyOptional() @Optional() @IsInt() @Min(5) @Max(1440) durationMinutes?: number;
  @ApiPropertyOptional() @Optional() @IsString() @Length(1, 200) title?: string;
}

export class ListMeetingsQuery {
  @IsOptional() @IsIn(['upcoming', 'past']) scope?: MeetingListScope;
  @ApiPropertyOptional({ description: `Upcoming: how many days ahead (1–${SCHEDULING_LIMITS.upcomingDaysMax})` })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(SCHEDULING_LIMITS.upcomingDaysMax)
  days?: number;
}

export class MeetingCodeParams {
  @Matches(MEETING_CODE_PATTERN, { message: 'A meeting code looks like abc-defg-hij.' }) code!: string;
}

export class OccurrenceParams extends MeetingCodeParams {
  /** Checked by the service: an id that is not an occurrence of the series is a 404. */
  @IsString() @MaxLength(40) occurrenceId!: string;
}
