import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, MaxLength } from 'class-validator';
import type { MfaConfirmRequest, MfaDisableRequest } from '@confer/identity/contracts';

export class MfaConfirmDto implements MfaConfirmRequest {
  @ApiProperty() @IsString() @Length(6, 32) code!: string;
}

export class MfaDisableDto implements MfaDisableRequest {
  @ApiProperty() @IsString() @MaxLength(1024) password!: string;
  @ApiProperty() @IsString() @Length(6, 32) code!: string;
}
