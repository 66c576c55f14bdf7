import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { firstValueFrom, type Observable } from 'rxjs';
import type { BlockableTrack, LobbyEntryView, MutableTrack } from '@confer/meetings/contracts';
import type { LiveParticipant } from '../live/live-participant';
import { RoomSession } from '../live/room-session';
import { HostApi } from './host-api';

/**
 * Everyone in the meeting with their role, hand and microphone; for hosts and co-hosts also the lobby
 * queue and the controls. The server decides: a co-host sees no control over the host or another
 * co-host that the server would refuse.
 */
@Component({
  selector: 'cf-participants-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './participants-panel.html',
  styleUrl: './participants-panel.css',
})
export class ParticipantsPanel {
  private readonly session = inject(RoomSession);
  private readonly api = inject(HostApi);

  readonly code = input.required<string>();

  protected readonly people = this.session.participants;
  protected readonly me = this.session.me;
  protected readonly hostly = this.session.hostly;
  protected readonly locked = computed(() => this.session.metadata().locked);
  protected readonly lobby = signal<readonly LobbyEntryView[]>([]);
  /** The identity whose removal waits for a second click. */
  protected readonly confirmingRemoval = signal<string | null>(null);
  protected readonly busy = signal(false);

  constructor() {
    effect(() => {
      this.session.lobbyChanges();
      if (this.hostly()) this.loadLobby();
      else this.lobby.set([]);
    });
  }

  /** Controls over `p`: hosts act on everyone but themselves; co-hosts on participants only. */
  protected controlsOver(p: LiveParticipant): boolean {
    const myRole = this.me()?.role;
    if (p.isLocal || !this.hostly()) return false;
    return myRole === 'host' || p.role === 'participant';
  }

  protected isHost(): boolean {
    return this.me()?.role === 'host';
  }

  protected mute(p: LiveParticipant, track: MutableTrack): void {
    this.run(this.api.mute(this.code(), p.identity, track));
  }

  protected allow(p: LiveParticipant, track: BlockableTrack): void {
    this.run(this.api.allow(this.code(), p.identity, track));
  }

  protected muteAll(): void {
    this.run(this.api.muteAll(this.code()));
  }

  protected toggleLock(): void {
    this.run(this.api.lock(this.code(), !this.locked()));
  }

  protected toggleCoHost(p: LiveParticipant): void {
    this.run(this.api.setRole(this.code(), p.identity, p.role === 'co-host' ? 'participant' : 'co-host'));
  }

  protected makeHost(p: LiveParticipant): void {
    this.run(this.api.transferHost(this.code(), p.identity));
  }

  protected remove(p: LiveParticipant): void {
    if (this.confirmingRemoval() !== p.identity) {
      this.confirmingRemoval.set(p.identity);
      return;
    }
    this.confirmingRemoval.set(null);
    this.run(this.api.remove(this.code(), p.identity));
  }

  protected decide(entry: LobbyEntryView, admit: boolean): void {
    const call = admit ? this.api.admit(this.code(), entry.identity) : this.api.deny(this.code(), entry.identity);
    this.lobby.update((entries) => entries.filter((e) => e.identity !== entry.identity));
    this.run(call, () => this.loadLobby());
  }

  private loadLobby(): void {
    this.api.lobby(this.code()).subscribe({ next: (entries) => this.lobby.set(entries), error: () => this.lobby.set([]) });
  }

  /** Failures are explained by the error toast; the live state shows what did happen. */
  private run(call: Observable<void>, after?: () => void): void {
    this.busy.set(true);
    firstValueFrom(call)
      .catch(() => undefined)
      .finally(() => {
        this.busy.set(false);
        after?.();
      });
  }
}
