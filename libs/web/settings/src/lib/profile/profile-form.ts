import { ChangeDetectionStrategy, Component, inject, input, type OnInit, output, signal } from '@angular/core';
import { type FormControl, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { DEFAULT_USER_PREFERENCES, type Profile, type ScreenShareMode } from '@confer/identity/contracts';
import { AuthSession, formFeedback } from '@confer/web/auth';
import { ProfileApi } from './profile-api';
import { profileChanges, profileFields } from './profile-changes';
import { timeZoneChoices, timeZoneLabel } from '@confer/web/core';
import { type LocaleChoice, localeChoices } from './profile-choices';
import { FieldControl, FieldError } from '@confer/web/auth';

const DEFAULTS = DEFAULT_USER_PREFERENCES.meetingDefaults;

interface CheckboxChoice {
  /** Path of the control in the form, which is also the field name of the server's errors. */
  readonly path: string;
  readonly label: string;
}

const CHECKBOX_GROUPS: readonly { legend: string; choices: readonly CheckboxChoice[] }[] = [
  {
    legend: 'When I join a meeting',
    choices: [
      { path: 'preferences.joinWithMicOff', label: 'Join with my microphone off' },
      { path: 'preferences.joinWithCameraOff', label: 'Join with my camera off' },
    ],
  },
  {
    legend: 'Meetings I create start with',
    choices: [
      { path: 'preferences.meetingDefaults.waitingRoom', label: 'A waiting room: I let people in' },
      { path: 'preferences.meetingDefaults.muteOnEntry', label: 'People muted when they join' },
      { path: 'preferences.meetingDefaults.allowGuests', label: 'Guests without an account allowed' },
      { path: 'preferences.meetingDefaults.allowChat', label: 'Chat allowed' },
      { path: 'preferences.meetingDefaults.allowRecording', label: 'Recording allowed' },
    ],
  },
];

/** Name, time zone, language, discoverability and meeting preferences. Saves only what changed. */
@Component({
  selector: 'cf-profile-form',
  imports: [FieldControl, FieldError, ReactiveFormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './profile-form.html',
})
export class ProfileForm implements OnInit {
  private readonly api = inject(ProfileApi);
  private readonly session = inject(AuthSession);
  private readonly fb = inject(NonNullableFormBuilder);

  /** The profile as saved; what the form's changes are measured against. */
  readonly profile = input.required<Profile>();
  readonly saved = output<Profile>();

  protected readonly checkboxGroups = CHECKBOX_GROUPS;
  protected readonly screenSharePath = 'preferences.meetingDefaults.screenShare';
  protected readonly zoneLabel = timeZoneLabel;
  protected readonly timeZones = signal<readonly string[]>([]);
  protected readonly locales = signal<readonly LocaleChoice[]>([]);
  protected readonly notice = signal('');

  protected readonly form = this.fb.group({
    displayName: ['', [Validators.required, Validators.pattern(/\S/), Validators.maxLength(80)]],
    timeZone: ['', Validators.required],
    locale: ['', Validators.required],
    discoverable: [true],
    preferences: this.fb.group({
      joinWithMicOff: [DEFAULT_USER_PREFERENCES.joinWithMicOff],
      joinWithCameraOff: [DEFAULT_USER_PREFERENCES.joinWithCameraOff],
      meetingDefaults: this.fb.group({
        waitingRoom: [DEFAULTS.waitingRoom],
        muteOnEntry: [DEFAULTS.muteOnEntry],
        allowGuests: [DEFAULTS.allowGuests],
        allowChat: [DEFAULTS.allowChat],
        allowRecording: [DEFAULTS.allowRecording],
        screenShare: this.fb.control<ScreenShareMode>(DEFAULTS.screenShare),
      }),
    }),
  });
  protected readonly screenShare = this.form.controls.preferences.controls.meetingDefaults.controls.screenShare;
  protected readonly feedback = formFeedback(this.form, 'profile', {
    displayName: { required: 'Enter your name.', pattern: 'Enter your name.' },
  });

  ngOnInit(): void {
    this.show(this.profile());
  }

  /** A checkbox of the preferences, by its path. */
  protected checkbox(path: string): FormControl<boolean> {
    return this.form.get(path) as FormControl<boolean>;
  }

  protected submit(): void {
    this.notice.set('');
    if (!this.feedback.start()) return;
    const changes = profileChanges(this.profile(), this.form.getRawValue());
    if (Object.keys(changes).length === 0) {
      this.feedback.succeed();
      this.notice.set('There is nothing new to save.');
      return;
    }
    this.api.update(changes).subscribe({
      next: (profile) => {
        this.feedback.succeed();
        this.show(profile);
        this.notice.set('Your profile has been saved.');
        this.saved.emit(profile);
        // The header shows the name from the session.
        if (changes.displayName !== undefined) void this.session.reloadUser().catch(() => undefined);
      },
      error: (error: unknown) => this.feedback.fail(error),
    });
  }

  private show(profile: Profile): void {
    this.timeZones.set(timeZoneChoices(profile.timeZone));
    this.locales.set(localeChoices(profile.locale));
    this.form.reset(profileFields(profile));
  }
}

