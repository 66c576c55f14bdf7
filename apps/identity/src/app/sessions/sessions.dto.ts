import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import type { MfaSignInRequest, SignInRequest } from '@confer/identity/contracts';

export class SignInDto implements SignInRequest {
  @ApiProperty() @IsEmail() @MaxLength(254) email!: string;
  @ApiProperty() @IsString() @MaxLength(1024) password!: string;
}

export class MfaSignInDto implements MfaSignInRequest {
  @ApiProperty() @IsString() @Length(20, 200) challenge!: string;
  @ApiProperty({ description: 'A 6-digit TOTP code or a recovery code' }) @IsString() @Length(6, 32) code!: string;
}

export class SessionIdParams {
  @IsUUID() id!: string;
}
