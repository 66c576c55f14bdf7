import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { Router } from '@angular/router';
import { FieldControl, FieldError, formFeedback } from '@confer/web/auth';
import { meetingCodeIn, meetingCodeValidator } from './meeting-code';

/** "Join a meeting": a code or a link, then to the meeting's page. */
@Component({
  selector: 'cf-join-meeting',
  imports: [FieldControl, FieldError, ReactiveFormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './join-meeting.html',
})
export class JoinMeeting {
  private readonly router = inject(Router);

  protected readonly form = inject(NonNullableFormBuilder).group({
    code: ['', [Validators.required, meetingCodeValidator]],
  });
  protected readonly feedback = formFeedback(this.form, 'join-meeting', {
    code: { required: 'Enter a meeting code or link.', meetingCode: 'Enter a code like abc-defg-hij, or a link that ends in one.' },
  });

  protected submit(): void {
    if (!this.feedback.start()) return;
    this.feedback.succeed();
    const code = meetingCodeIn(this.form.getRawValue().code);
    if (code) void this.router.navigateByUrl(`/m/${code}`);
  }
}
