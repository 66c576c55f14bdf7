import { HttpClient, HttpContext } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, DestroyRef, inject, input, type OnInit, output } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import type { Profile } from '@confer/identity/contracts';
import { JOIN_LIMITS, MeetingsErrorCode, type JoinResult, type MeetingPreview } from '@confer/meetings/contracts';
import { FieldControl, FieldError, formFeedback } from '@confer/web/auth';
import { API_BASES, SILENT_ERRORS } from '@confer/web/core';
import { JoinApi } from '../join/join-api';
import type { MediaChoices } from '../live/media-choices';
import { DevicePreview } from './device-preview';

/** A join the server answered: admitted (with a LiveKit token) or waiting in the lobby. */
export interface JoinOutcome {
  readonly result: JoinResult;
  readonly media: MediaChoices;
}

/**
 * Before joining: the meeting's name and host, a camera and microphone preview with device choice,
 * microphone and camera toggles (from the person's preferences), a name for guests, and the passcode.
 */
@Component({
  selector: 'cf-pre-join',
  imports: [FieldControl, FieldError, ReactiveFormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './pre-join.html',
  styleUrl: './pre-join.css',
  providers: [DevicePreview],
})
export class PreJoin implements OnInit {
  private readonly http = inject(HttpClient);
  private readonly identityBase = inject(API_BASES).identity;
  private readonly destroyRef = inject(DestroyRef);
  private readonly joinApi = inject(JoinApi);
  protected readonly devices = inject(DevicePreview);

  readonly code = input.required<string>();
  readonly preview = input.required<MeetingPreview>();
  /** The signed-in person's name; null for a guest. */
  readonly signedInName = input<string | null>(null);
  readonly joined = output<JoinOutcome>();

  protected readonly nameMax = JOIN_LIMITS.displayNameMaxLength;
  protected readonly form = inject(NonNullableFormBuilder).group({
    displayName: ['', [Validators.maxLength(JOIN_LIMITS.displayNameMaxLength)]],
    passcode: [''],
    microphoneOn: [true],
    cameraOn: [true],
  });
  protected readonly feedback = formFeedback(this.form, 'pre-join', {
    displayName: { required: 'Type the name others will see.', maxlength: `At most ${JOIN_LIMITS.displayNameMaxLength} characters.` },
    passcode: { required: 'This meeting needs a passcode.' },
  });

  ngOnInit(): void {
    if (!this.signedInName()) this.form.controls.displayName.addValidators(Validators.required);
    if (this.preview().passcodeRequired) this.form.controls.passcode.addValidators(Validators.required);
    if (this.signedInName()) this.applyPreferences();
    this.destroyRef.onDestroy(() => this.devices.stop());
    void this.devices.start(this.form.getRawValue().cameraOn, this.form.getRawValue().microphoneOn);
    this.form.controls.cameraOn.valueChanges.subscribe((on) => void this.devices.setCamera(on));
    this.form.controls.microphoneOn.valueChanges.subscribe((on) => void this.devices.setMicrophone(on));
  }

  protected chooseDevice(kind: 'audioinput' | 'videoinput', event: Event): void {
    void this.devices.choose(kind, (event.target as HTMLSelectElement).value);
  }

  protected submit(): void {
    if (!this.feedback.start()) return;
    const value = this.form.getRawValue();
    const request = { displayName: this.signedInName() ? undefined : value.displayName.trim(), passcode: value.passcode || undefined };
    this.joinApi.join(this.code(), request).subscribe({
      next: (result) => {
        this.feedback.succeed();
        const chosen = this.devices.chosen();
        // The preview lets go of the camera and microphone; the room takes them again.
        this.devices.stop();
        const media = { microphoneOn: value.microphoneOn, cameraOn: value.cameraOn, microphoneId: chosen.audioinput, cameraId: chosen.videoinput };
        this.joined.emit({ result, media });
      },
      error: (error: unknown) =>
        this.feedback.fail(error, (problem) => {
          if (problem.code === MeetingsErrorCode.PasscodeInvalid) {
            this.form.controls.passcode.setErrors({ server: 'That passcode is not right.' });
            return null;
          }
          return problem.status === 429 ? 'Too many attempts. Wait a few minutes and try again.' : undefined;
        }),
    });
  }

  /** "Join with microphone off / camera off" from the person's profile, unless they already chose. */
  private applyPreferences(): void {
    const silent = { context: new HttpContext().set(SILENT_ERRORS, true) };
    this.http.get<Profile>(`${this.identityBase}/profile`, silent).subscribe({
      next: (profile) => {
        if (!this.form.controls.microphoneOn.dirty) this.form.controls.microphoneOn.setValue(!profile.preferences.joinWithMicOff);
        if (!this.form.controls.cameraOn.dirty) this.form.controls.cameraOn.setValue(!profile.preferences.joinWithCameraOff);
      },
      error: () => undefined,
    });
  }
}
