import { utils } from 'ssh2';
import { generateHostKey } from './ssh-server.service';

describe('SSH host key generation', () => {
  // ssh2's own generator writes an unreadable key for about 1 key in 170: 3,000 draws meet that
  // case many times over, so this fails if the generated key is ever handed out unchecked.
  it('always yields a key the SSH server can load', () => {
    const unreadable: string[] = [];
    for (let i = 0; i < 3000; i++) {
      const pair = generateHostKey();
      if (utils.parseKey(pair.private) instanceof Error || utils.parseKey(pair.public) instanceof Error) unreadable.push(pair.private);
    }
    expect(unreadable).toEqual([]);
  });
});
