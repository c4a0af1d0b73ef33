// The actor's own API tokens: list, issue (the secret is returned once), revoke.
import { recordAudit } from '../audit/index.js';
import { authorize } from '../policy/index.js';
import { presentToken, type TokenView } from '../presenters/index.js';
import { fail } from '../problems/index.js';
import { DEFAULT_TOKEN_DAYS, issueApiToken, listTokens, revokeToken, type Actor } from '../staff/index.js';
import type { CommandContext } from './context.js';

export async function listOwnTokens(cx: CommandContext, actor: Actor): Promise<TokenView[]> {
  authorize(actor, 'token.manage-own');
  return (await listTokens(cx.store.db, actor.id)).map(presentToken);
}

export async function createOwnToken(cx: CommandContext, actor: Actor, input: { name: string; expiresInDays?: number | undefined }): Promise<TokenView & { token: string }> {
  authorize(actor, 'token.manage-own');
  const { token, secret } = await issueApiToken(cx.store.db, actor.id, input.name, input.expiresInDays ?? DEFAULT_TOKEN_DAYS);
  await recordAudit(cx.store, { actor: actor.email, action: 'token.create', target: token.id, detail: { name: token.name, expiresAt: token.expiresAt?.toISOString() ?? null } });
  return { ...presentToken(token), token: secret };
}

export async function revokeOwnToken(cx: CommandContext, actor: Actor, id: string): Promise<void> {
  authorize(actor, 'token.manage-own');
  if (!(await revokeToken(cx.store.db, actor.id, id))) fail('token-not-found', `You have no API token ${id}.`);
  await recordAudit(cx.store, { actor: actor.email, action: 'token.revoke', target: id });
}
