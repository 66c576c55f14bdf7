export function sharedServerDevstack(): string {
  return 'shared-server-devstack';
}
