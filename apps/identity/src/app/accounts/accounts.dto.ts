import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import type {
  ChangePasswordRequest,
  ForgotPasswordRequest,
  RegisterRequest,
  ResetPasswordRequest,
  VerifyEmailRequest,
} from '@confer/identity/contracts';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class RegisterDto implements RegisterRequest {
  @ApiProperty() @IsEmail({}, { message: 'Enter a valid email address.' }) @MaxLength(254) email!: string;
  /** Length and commonness are checked by the password policy, which reports them beside the field. */
  @ApiProperty() @IsString() @MaxLength(1024) password!: string;
  @ApiProperty() @Transform(trim) @IsString() @Length(1, 80, { message: 'Enter a name of 1 to 80 characters.' }) displayName!: string;
}

export class VerifyEmailDto implements VerifyEmailRequest {
  @ApiProperty() @IsString() @Length(20, 200) token!: string;
}

export class ForgotPasswordDto implements ForgotPasswordRequest {
  @ApiProperty() @IsEmail({}, { message: 'Enter a valid email address.' }) @MaxLength(254) email!: string;
}

export class ResetPasswordDto implements ResetPasswordRequest {
  @ApiProperty() @IsString() @Length(20, 200) token!: string;
  @ApiProperty() @IsString() @MaxLength(1024) password!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(6, 32) code?: string;
}

export class ChangePasswordDto implements ChangePasswordRequest {
  @ApiProperty() @IsString() @MaxLength(1024) currentPassword!: string;
  @ApiProperty() @IsString() @MaxLength(1024) newPassword!: string;
}
