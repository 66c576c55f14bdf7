import { identityContracts } from './identity-contracts';

describe('identityContracts', () => {
  it('should work', () => {
    expect(identityContracts()).toEqual('identity-contracts');
  });
});
