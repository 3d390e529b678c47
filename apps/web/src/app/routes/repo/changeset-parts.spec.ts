import { parseFileOptions } from './changeset-parts';

describe('parseFileOptions', () => {
  it('reads WS and C parts of a per-file option', () => {
    expect(parseFileOptions('WS:1')).toEqual({ ignorews: true });
    expect(parseFileOptions('WS:1-C:12')).toEqual({ ignorews: true, context: 12 });
    expect(parseFileOptions('C:6')).toEqual({ context: 6 });
    expect(parseFileOptions('C:0')).toBeNull();
    expect(parseFileOptions('junk')).toBeNull();
    expect(parseFileOptions(null)).toBeNull();
  });
});
