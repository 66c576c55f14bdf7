import { sharedServerDevstack } from './shared-server-devstack';

describe('sharedServerDevstack', () => {
  it('should work', () => {
    expect(sharedServerDevstack()).toEqual('shared-server-devstack');
  });
});
