import { webhookUrlProblem } from './webhook-url';

describe('webhook URLs', () => {
  it.each([
    'https://hooks.globex.example/raci',
    'https://hooks.globex.example:8443/raci?tenant=globex',
    'https://203.0.113.7/hook',
    'http://127.0.0.1:8080/hook',
    'http://127.1.2.3/hook',
    'http://localhost:3001/hook',
    'http://LOCALHOST/hook',
    'http://[::1]:9000/hook',
    // The WHATWG parser turns these into 127.0.0.1 before the check.
    'http://0x7f.1/hook',
    'http://2130706433/hook',
  ])('allows %s', (url) => {
    expect(webhookUrlProblem(url)).toBeNull();
  });

  it.each([
    ['http://hooks.globex.example/raci', /https/],
    ['http://10.0.0.5/hook', /https/],
    ['http://128.0.0.1/hook', /https/],
    ['http://localhost.evil.example/hook', /https/],
    ['http://127.0.0.1.nip.io/hook', /https/],
    ['http://[::ffff:127.0.0.1]/hook', /https/],
    ['http://[::2]/hook', /https/],
    ['ftp://hooks.globex.example/raci', /https/],
    ['javascript:alert(1)', /https/],
    ['hooks.globex.example/raci', /valid URL/],
    ['', /valid URL/],
    ['https://user:pass@hooks.globex.example/raci', /user name or password/],
    [`https://hooks.globex.example/${'a'.repeat(2048)}`, /at most 2048/],
  ])('refuses %s', (url, problem) => {
    expect(webhookUrlProblem(url)).toMatch(problem);
  });
});
