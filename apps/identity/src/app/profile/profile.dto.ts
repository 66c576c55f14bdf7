import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsObject,
  IsString,
  Length,
  ValidateIf,
  ValidateNested,
  registerDecorator,
  type ValidationOptions,
} from 'class-validator';
import type { MeetingDefaults, ScreenShareMode, UpdateProfileRequest, UserPreferencesPatch } from '@confer/identity/contracts';
import { canonicalLocale, canonicalTimeZone } from './time-zone-locale';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** Optional in a PATCH: absent is fine, but null is not a value any of these fields take. */
const Optional = () => ValidateIf((_object, value) => value !== undefined);

function Satisfies(test: (value: string) => boolean, message: string, options: ValidationOptions = {}) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'satisfies',
      target: target.constructor,
      propertyName,
      options: { message, ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && test(value) },
    });
}

export class MeetingDefaultsPatchDto implements Partial<MeetingDefaults> {
  @ApiPropertyOptional() @Optional() @IsBoolean() waitingRoom?: boolean;
  @ApiPropertyOptional() @Optional() @IsBoolean() muteOnEntry?: boolean;
  @ApiPropertyOptional() @Optional() @IsBoolean() allowGuests?: boolean;
  @ApiPropertyOptional() @Optional() @IsBoolean() allowChat?: boolean;
  @ApiPropertyOptional() @Optional() @IsBoolean() allowRecording?: boolean;
  @ApiPropertyOptional({ enum: ['host', 'everyone'] }) @Optional() @IsIn(['host', 'everyone']) screenShare?: ScreenShareMode;
}

export class PreferencesPatchDto implements UserPreferencesPatch {
  @ApiPropertyOptional() @Optional() @IsBoolean() joinWithMicOff?: boolean;
  @ApiPropertyOptional() @Optional() @IsBoolean() joinWithCameraOff?: boolean;
  @ApiPropertyOptional({ type: MeetingDefaultsPatchDto })
  @Optional()
  @IsObject()
  @ValidateNested()
  @Type(() => MeetingDefaultsPatchDto)
  meetingDefaults?: MeetingDefaultsPatchDto;
}

export class UpdateProfileDto implements UpdateProfileRequest {
  @ApiPropertyOptional()
  @Optional()
  @Transform(trim)
  @IsString()
  @Length(1, 80, { message: 'Enter a name of 1 to 80 characters.' })
  displayName?: string;

  @ApiPropertyOptional({ example: 'Europe/Berlin' })
  @Optional()
  @IsString()
  @Satisfies((v) => canonicalTimeZone(v) !== undefined, 'Choose a time zone such as Europe/Berlin.')
  timeZone?: string;

  @ApiPropertyOptional({ example: 'en-GB' })
  @Optional()
  @IsString()
  @Satisfies((v) => canonicalLocale(v) !== undefined, 'Choose a language tag such as en-GB.')
  locale?: string;

  @ApiPropertyOptional() @Optional() @IsBoolean() discoverable?: boolean;

  @ApiPropertyOptional({ type: PreferencesPatchDto })
  @Optional()
  @IsObject()
  @ValidateNested()
  @Type(() => PreferencesPatchDto)
  preferences?: PreferencesPatchDto;
}
