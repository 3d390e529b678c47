import { loginPath, safeCameFrom } from './login-path';

describe('login redirects', () => {
  it('builds the login URL with came_from', () => {
    expect(loginPath('/_admin/users?x=1')).toBe('/_admin/login?came_from=%2F_admin%2Fusers%3Fx%3D1');
    expect(loginPath('/')).toBe('/_admin/login');
  });

  it.each([
    ['/repo/changelog', '/repo/changelog'],
    ['//evil.example.com/x', '/'],
    ['https://evil.example.com', '/'],
    ['/\\evil.example.com', '/'],
    ['', '/'],
    [null, '/'],
  ])('came_from %s → %s', (input, expected) => {
    expect(safeCameFrom(input)).toBe(expected);
  });
});
