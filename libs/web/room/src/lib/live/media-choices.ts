/** What the person chose on the pre-join screen. */
export interface MediaChoices {
  readonly microphoneOn: boolean;
  readonly cameraOn: boolean;
  readonly microphoneId?: string;
  readonly cameraId?: string;
}

/** The meeting's entry rules win over the person's wish: muteOnEntry keeps the microphone off. */
export function entryChoices(choices: MediaChoices, entry: { microphoneOn: boolean; cameraOn: boolean }): MediaChoices {
  return { ...choices, microphoneOn: choices.microphoneOn && entry.microphoneOn, cameraOn: choices.cameraOn && entry.cameraOn };
}
