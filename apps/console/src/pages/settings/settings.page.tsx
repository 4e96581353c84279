import { Loader, Radio, Stack, Title } from '@mantine/core';
import { useI18n } from '../../i18n/i18n';
import { isLanguage } from '../../i18n/language';
import { useMe } from '../../session/use-me';
import { DelegationsSection } from './delegations.section';
import { MyTokensSection } from './my-tokens.section';
import { NotificationPreferencesSection } from './notification-preferences.section';
import { SessionsSection } from './sessions.section';

/** The person's settings: mail, delegations, sessions, API tokens and language. */
export function SettingsPage() {
  const { t } = useI18n();
  const me = useMe();
  if (!me.data) return <Loader aria-label={t('status.loading')} />;
  const userId = me.data.id;
  return (
    <Stack gap="xl">
      <Title order={1}>{t('settings.heading')}</Title>
      {userId ? <NotificationPreferencesSection /> : null}
      {userId ? <DelegationsSection userId={userId} /> : null}
      <SessionsSection />
      {userId ? <MyTokensSection userId={userId} /> : null}
      <LanguageSection />
    </Stack>
  );
}

/** The same choice as the header's language menu, kept in this browser. */
function LanguageSection() {
  const { t, language, choose } = useI18n();
  return (
    <section aria-labelledby="settings-language">
      <Title order={2} size="h3" id="settings-language" mb="xs">
        {t('settings.language.heading')}
      </Title>
      <Radio.Group
        label={t('settings.language.label')}
        description={t('settings.language.hint')}
        value={language}
        onChange={(next) => {
          if (isLanguage(next)) choose(next);
        }}
      >
        <Stack gap="xs" mt="xs">
          <Radio value="en" label="English" lang="en" />
          <Radio value="fr" label="Français" lang="fr" />
        </Stack>
      </Radio.Group>
    </section>
  );
}
