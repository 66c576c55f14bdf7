import { blockedTracksOf, LIVE_ATTRIBUTES, MEETING_ROLES, type BlockableTrack, type MeetingRole } from '@confer/meetings/contracts';
import type { Participant, Track } from 'livekit-client';

export type LinkQuality = 'excellent' | 'good' | 'poor' | 'lost' | 'unknown';

/** One person in the room as the screens show them; rebuilt from LiveKit's objects on every change. */
export interface LiveParticipant {
  readonly identity: string;
  readonly name: string;
  readonly isLocal: boolean;
  /** Set by the meetings service as a participant attribute; never by the participant. */
  readonly role: MeetingRole;
  readonly handRaised: boolean;
  /** What a host keeps them from turning on (meetings where participants may not unmute themselves). */
  readonly blocked: readonly BlockableTrack[];
  readonly microphoneOn: boolean;
  readonly cameraOn: boolean;
  readonly speaking: boolean;
  readonly quality: LinkQuality;
  /** Present while the camera is on and (for others) subscribed. */
  readonly camera?: Track;
  readonly screen?: Track;
  /** Others only: one's own microphone is never played back. */
  readonly audio?: Track;
  readonly screenAudio?: Track;
  /** When they joined, for a stable order. */
  readonly joinedAt: number;
}

/** The Track.Source values of livekit-client, as strings, so that this file needs no runtime import of it. */
const SOURCE = { camera: 'camera', microphone: 'microphone', screen: 'screen_share', screenAudio: 'screen_share_audio' } as const;

export function roleOf(participant: Pick<Participant, 'attributes'>): MeetingRole {
  const role = participant.attributes[LIVE_ATTRIBUTES.role];
  return (MEETING_ROLES as readonly string[]).includes(role ?? '') ? (role as MeetingRole) : 'participant';
}

export function describeParticipant(participant: Participant, isLocal: boolean): LiveParticipant {
  const shown = (source: string): Track | undefined => {
    const publication = participant.getTrackPublication(source as Track.Source);
    return publication && !publication.isMuted && publication.track ? publication.track : undefined;
  };
  const screen = shown(SOURCE.screen);
  return {
    identity: participant.identity,
    name: participant.name || participant.identity,
    isLocal,
    role: roleOf(participant),
    handRaised: participant.attributes[LIVE_ATTRIBUTES.handRaised] === '1',
    blocked: blockedTracksOf(participant.attributes),
    microphoneOn: participant.isMicrophoneEnabled,
    cameraOn: participant.isCameraEnabled,
    speaking: participant.isSpeaking,
    quality: participant.connectionQuality as LinkQuality,
    camera: shown(SOURCE.camera),
    screen,
    audio: isLocal ? undefined : shown(SOURCE.microphone),
    screenAudio: isLocal || !screen ? undefined : shown(SOURCE.screenAudio),
    joinedAt: participant.joinedAt?.getTime() ?? 0,
  };
}

/** Me first, then everyone else in the order they joined. */
export function orderParticipants(people: readonly LiveParticipant[]): LiveParticipant[] {
  return [...people].sort((a, b) => Number(b.isLocal) - Number(a.isLocal) || a.joinedAt - b.joinedAt || a.identity.localeCompare(b.identity));
}

export const isHostly = (role: MeetingRole | undefined): boolean => role === 'host' || role === 'co-host';
