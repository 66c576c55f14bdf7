import { meetingsContracts } from './meetings-contracts';

describe('meetingsContracts', () => {
  it('should work', () => {
    expect(meetingsContracts()).toEqual('meetings-contracts');
  });
});
