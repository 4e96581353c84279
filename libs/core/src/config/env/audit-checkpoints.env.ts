import { z } from 'zod';
import { parseSigningKey, parseVerifyingKey, splitKeyList } from '../audit-signing-key';

/** The signed checkpoints of the audit logs: the key, the keys of before, and how often. */
export const AUDIT_CHECKPOINTS_ENV = {
  AUDIT_SIGNING_KEY: z
    .string()
    .refine((value) => parseSigningKey(value) !== null, {
      message:
        'must be an Ed25519 private key, PKCS#8 PEM or base64 of its DER, e.g. the output of ' +
        '`openssl genpkey -algorithm ed25519`',
    })
    .optional()
    .describe(
      'Signs the checkpoints of the audit logs (Ed25519); a secret, the same in every process. ' +
        'PKCS#8 PEM, or base64 of its DER: `openssl genpkey -algorithm ed25519`. Unset: in the ' +
        'embedded default made once and kept in `var/secrets/audit-signing-key`; anywhere else ' +
        'the start is refused. Its public key is served at `GET /v1/audit/checkpoint-keys`.',
    ),
  AUDIT_PREVIOUS_SIGNING_KEYS: z
    .string()
    .refine((value) => splitKeyList(value).every((key) => parseVerifyingKey(key) !== null), {
      message: 'must be Ed25519 keys (public or private, PEM or base64 DER), separated by commas',
    })
    .optional()
    .describe(
      'Keys that signed checkpoints before `AUDIT_SIGNING_KEY` was replaced, comma-separated, ' +
        'public or private, PEM or base64 of the DER: their checkpoints still verify, and their ' +
        'public keys are still published. Nothing new is signed with them.',
    ),
  AUDIT_CHECKPOINT_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(60)
    .describe(
      'Minutes between two signed checkpoints of the audit logs: at each, every organization ' +
        'whose request history or admin audit log grew since its last checkpoint gets a new one.',
    ),
};
