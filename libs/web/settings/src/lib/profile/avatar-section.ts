import { HttpEventType } from '@angular/common/http';
import { afterNextRender, ChangeDetectionStrategy, Component, type ElementRef, inject, Injector, input, output, signal, viewChild } from '@angular/core';
import type { Subscription } from 'rxjs';
import { AVATAR_MAX_BYTES, type Profile } from '@confer/identity/contracts';
import { readApiError } from '@confer/web/auth';
import { UserAvatar } from '../people/user-avatar';
import { AVATAR_FILE_TYPES, avatarFileProblem, avatarUploadError } from './avatar-file';
import { ProfileApi } from './profile-api';

/** The profile picture: choose a file (checked here first), watch it upload, or remove the picture. */
@Component({
  selector: 'cf-avatar-section',
  imports: [UserAvatar],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './avatar-section.html',
})
export class AvatarSection {
  private readonly api = inject(ProfileApi);
  private readonly injector = inject(Injector);
  private readonly fileInput = viewChild.required<ElementRef<HTMLInputElement>>('file');

  readonly profile = input.required<Profile>();
  /** The profile as the server answered after a change of picture. */
  readonly changed = output<Profile>();

  protected readonly accept = AVATAR_FILE_TYPES.join(',');
  protected readonly maxMegabytes = AVATAR_MAX_BYTES / 1024 / 1024;
  /** Percentage sent while an upload runs; null otherwise. */
  protected readonly percent = signal<number | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly notice = signal('');
  protected readonly removing = signal(false);
  private uploading: Subscription | undefined;

  protected chosen(event: Event): void {
    const control = event.target as HTMLInputElement;
    const file = control.files?.[0];
    // Cleared, so choosing the same file again (after fixing it, say) is a change too.
    control.value = '';
    if (!file) return;
    // A new choice replaces an upload still running.
    this.uploading?.unsubscribe();
    this.percent.set(null);
    this.notice.set('');
    this.error.set(avatarFileProblem(file));
    if (!this.error()) this.upload(file);
  }

  protected remove(): void {
    if (this.removing() || this.percent() !== null) return;
    this.removing.set(true);
    this.error.set(null);
    this.api.removeAvatar().subscribe({
      next: () => {
        this.removing.set(false);
        this.notice.set('Your picture has been removed.');
        this.changed.emit({ ...this.profile(), avatarUrl: null });
        // The button is gone: keep keyboard focus on the picture controls.
        afterNextRender(() => this.fileInput().nativeElement.focus(), { injector: this.injector });
      },
      error: () => this.removing.set(false),
    });
  }

  private upload(file: File): void {
    this.percent.set(0);
    this.uploading = this.api.uploadAvatar(file).subscribe({
      next: (event) => {
        if (event.type === HttpEventType.UploadProgress) {
          this.percent.set(Math.min(100, Math.round((100 * event.loaded) / (event.total || file.size || 1))));
        } else if (event.type === HttpEventType.Response && event.body) {
          this.percent.set(null);
          this.notice.set('Your new picture is saved.');
          this.changed.emit(event.body);
        }
      },
      error: (error: unknown) => {
        this.percent.set(null);
        this.error.set(avatarUploadError(readApiError(error)));
      },
    });
  }
}
