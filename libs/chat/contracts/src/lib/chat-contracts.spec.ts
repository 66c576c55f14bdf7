import { chatContracts } from './chat-contracts';

describe('chatContracts', () => {
  it('should work', () => {
    expect(chatContracts()).toEqual('chat-contracts');
  });
});
