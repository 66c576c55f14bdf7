export function chatContracts(): string {
  return 'chat-contracts';
}
