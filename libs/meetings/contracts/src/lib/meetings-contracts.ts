export function meetingsContracts(): string {
  return 'meetings-contracts';
}
