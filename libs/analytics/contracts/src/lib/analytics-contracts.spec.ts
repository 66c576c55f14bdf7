import { analyticsContracts } from './analytics-contracts';

describe('analyticsContracts', () => {
  it('should work', () => {
    expect(analyticsContracts()).toEqual('analytics-contracts');
  });
});
