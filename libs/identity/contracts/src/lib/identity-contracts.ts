export function identityContracts(): string {
  return 'identity-contracts';
}
