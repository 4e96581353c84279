import { AppConfig } from '@app/core';
import { listeningLine } from './listening-line';

describe('listeningLine', () => {
  const address = { address: '0.0.0.0', family: 'IPv4', port: 41234 };

  it('names localhost on the port the server took when PUBLIC_URL is unset', () => {
    const config = AppConfig.fromEnv({ PORT: '0', SMTP_URL: 'smtp://mail.example:25' });
    expect(listeningLine(config, address)).toBe(
      'API http://localhost:41234  docs http://localhost:41234/docs  console http://localhost:41234/',
    );
  });

  it('says where the mail is written when there is no SMTP server: sign-in links land there', () => {
    expect(listeningLine(AppConfig.fromEnv({ PORT: '0' }), address)).toBe(
      'API http://localhost:41234  docs http://localhost:41234/docs  console http://localhost:41234/' +
        '  (no SMTP_URL: mail, sign-in links included, is written to var/mail)',
    );
  });

  it('names PUBLIC_URL when set: where people reach the API', () => {
    const config = AppConfig.fromEnv({
      PUBLIC_URL: 'https://raci.example/',
      SMTP_URL: 'smtp://mail.example:25',
    });
    expect(listeningLine(config, address)).toBe(
      'API https://raci.example  docs https://raci.example/docs  console https://raci.example/',
    );
  });
});
