import { ChangeDetectionStrategy, Component, inject, type OnInit, signal } from '@angular/core';
import type { Profile } from '@confer/identity/contracts';
import { AvatarSection } from './avatar-section';
import { ProfileApi } from './profile-api';
import { ProfileForm } from './profile-form';

/** /settings/profile: the picture, then name, time zone, language, discoverability and preferences. */
@Component({
  selector: 'cf-profile-page',
  imports: [AvatarSection, ProfileForm],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './profile-page.html',
})
export class ProfilePage implements OnInit {
  private readonly api = inject(ProfileApi);

  protected readonly profile = signal<Profile | null>(null);

  ngOnInit(): void {
    this.api.profile().subscribe({ next: (profile) => this.profile.set(profile) });
  }
}
