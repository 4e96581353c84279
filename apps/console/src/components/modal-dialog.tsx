import { CloseButton, Group, Title } from '@mantine/core';
import { type ReactNode, useEffect, useId, useRef } from 'react';

interface Props {
  title: string;
  closeLabel: string;
  onClose: () => void;
  children: ReactNode;
}

/**
 * A modal dialog on the browser's own `<dialog>`: it keeps focus inside, closes with Escape and
 * gives focus back, without the style elements a script-made modal adds (the page's
 * Content-Security-Policy refuses them).
 */
export function ModalDialog({ title, closeLabel, onClose, children }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  return (
    <dialog ref={ref} className="modal-dialog" aria-labelledby={titleId} onClose={onClose}>
      <Group justify="space-between" mb="md" wrap="nowrap">
        <Title order={2} size="h3" id={titleId}>
          {title}
        </Title>
        <CloseButton aria-label={closeLabel} onClick={onClose} />
      </Group>
      {children}
    </dialog>
  );
}
