export function analyticsContracts(): string {
  return 'analytics-contracts';
}
