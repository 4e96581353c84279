import { Anchor, Button, Checkbox, Group, Radio, Stack, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ApiError, type Verb } from '../../api/api-client';
import { ErrorAlert } from '../../components/error-alert';
import { ModalDialog } from '../../components/modal-dialog';
import { useI18n } from '../../i18n/i18n';
import { fieldOf, performVerb, type VerbInput } from './perform-verb';

interface Props {
  requestId: string;
  verb: Verb;
  /** Provider staff may keep a comment among themselves ("Internal"). */
  provider: boolean;
  onClose: () => void;
  /** After the engine accepted the verb. */
  onDone: (verb: Verb) => void;
  /** After the engine refused it: what the page shows may be out of date. */
  onRefused: () => void;
}

/**
 * The dialog of one verb: its "Comment", "Reason" or "Result" field (and Agree or Disagree for an
 * opinion), and "Confirm". A refusal is said in words by its code; a decision that needs a
 * multi-factor sign-in links to single sign-on, which brings the person back to this dialog.
 */
export function ActionDialog({ requestId, verb, provider, onClose, onDone, onRefused }: Props) {
  const { t } = useI18n();
  const field = fieldOf(verb);
  const [input, setInput] = useState<VerbInput>({ text: '', opinion: 'agree', internal: false });
  const act = useMutation({
    mutationFn: () => performVerb(requestId, verb, input),
    onSuccess: () => onDone(verb),
    onError: onRefused,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    act.mutate();
  };
  return (
    <ModalDialog title={t(`verb.${verb}`)} closeLabel={t('dialog.close')} onClose={onClose}>
      <form onSubmit={submit}>
        <Stack>
          {verb === 'opinion' ? (
            <Radio.Group
              label={t('dialog.opinion')}
              value={input.opinion}
              onChange={(value) =>
                setInput({ ...input, opinion: value === 'disagree' ? 'disagree' : 'agree' })
              }
              required
            >
              <Group mt="xs">
                <Radio value="agree" label={t('dialog.agree')} />
                <Radio value="disagree" label={t('dialog.disagree')} />
              </Group>
            </Radio.Group>
          ) : null}
          {verb === 'start' ? null : (
            <Textarea
              label={t(`dialog.${field.label}`)}
              required={field.required}
              rows={4}
              maxLength={2000}
              value={input.text}
              onChange={(event) => setInput({ ...input, text: event.currentTarget.value })}
              autoFocus
            />
          )}
          {verb === 'comment' && provider ? (
            <Checkbox
              label={t('dialog.internal')}
              description={t('dialog.internalHint')}
              checked={input.internal}
              onChange={(event) => setInput({ ...input, internal: event.currentTarget.checked })}
            />
          ) : null}
          {act.isError ? <ErrorAlert error={act.error} /> : null}
          {act.error instanceof ApiError && act.error.code === 'STEP_UP_REQUIRED' ? (
            <StepUpLink requestId={requestId} verb={verb} error={act.error} />
          ) : null}
          <Group justify="flex-end">
            <Button type="submit" loading={act.isPending}>
              {t('dialog.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </ModalDialog>
  );
}

/** Single sign-on with the factor the decision needs, back to this request with its dialog open. */
function StepUpLink({
  requestId,
  verb,
  error,
}: {
  requestId: string;
  verb: Verb;
  error: ApiError;
}) {
  const { t } = useI18n();
  const signInUrl = error.body.details?.signInUrl;
  if (typeof signInUrl !== 'string') return null;
  const url = new URL(signInUrl, window.location.origin);
  url.searchParams.set('returnTo', `/requests/${requestId}?act=${verb}`);
  return <Anchor href={`${url.pathname}${url.search}`}>{t('signIn.sso')}</Anchor>;
}
