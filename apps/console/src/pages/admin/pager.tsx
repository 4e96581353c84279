import { Button, Group } from '@mantine/core';
import { useI18n } from '../../i18n/i18n';
import { type CursorTrail, nextPage, previousPage } from './admin-forms';

interface Props {
  trail: CursorTrail;
  nextCursor: string | null | undefined;
  onChange: (trail: CursorTrail) => void;
}

/** "Previous page" and "Next page" over the engine's cursor pages; nothing when there is one page. */
export function Pager({ trail, nextCursor, onChange }: Props) {
  const { t } = useI18n();
  if (trail.before.length === 0 && !nextCursor) return null;
  return (
    <Group>
      <Button
        variant="default"
        size="xs"
        disabled={trail.before.length === 0}
        onClick={() => onChange(previousPage(trail))}
      >
        {t('admin.previousPage')}
      </Button>
      <Button
        variant="default"
        size="xs"
        disabled={!nextCursor}
        onClick={() => nextCursor && onChange(nextPage(trail, nextCursor))}
      >
        {t('admin.nextPage')}
      </Button>
    </Group>
  );
}
