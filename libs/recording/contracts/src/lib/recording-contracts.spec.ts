import { recordingContracts } from './recording-contracts';

describe('recordingContracts', () => {
  it('should work', () => {
    expect(recordingContracts()).toEqual('recording-contracts');
  });
});
