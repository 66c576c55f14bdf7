export function recordingContracts(): string {
  return 'recording-contracts';
}
