/**
 * The store of temporary credentials issued by STS: each ASIA… key with its secret, session token,
 * expiration and the principal it stands for. Expired sessions are kept, so the authenticator can
 * answer ExpiredTokenException rather than "unknown key".
 */
import type { AssumedRolePrincipal, FederatedUserPrincipal } from "../core/types.js";
import { cryptoRandom, secretAccessKey, sessionToken, temporaryAccessKeyId, type RandomSource } from "./credential-ids.js";

/** The principal of a temporary session. */
export type SessionPrincipal = AssumedRolePrincipal | FederatedUserPrincipal;

/** A session principal before its access key id is known. */
export type SessionPrincipalDraft = Omit<AssumedRolePrincipal, "accessKeyId"> | Omit<FederatedUserPrincipal, "accessKeyId">;

/** One set of temporary credentials. */
export interface TemporaryCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiration: Date;
  principal: SessionPrincipal;
}

/** Issues and looks up temporary credentials. */
export class SessionStore {
  private readonly sessions = new Map<string, TemporaryCredentials>();
  private readonly random: RandomSource;

  /** `random` defaults to node:crypto; pass a seeded source for reproducible keys. */
  constructor(options: { random?: RandomSource } = {}) {
    this.random = options.random ?? cryptoRandom;
  }

  /** Issues new credentials for `draft`, valid until `expiration`. */
  issue(draft: SessionPrincipalDraft, expiration: Date): TemporaryCredentials {
    let accessKeyId = temporaryAccessKeyId(this.random);
    while (this.sessions.has(accessKeyId)) accessKeyId = temporaryAccessKeyId(this.random);
    const principal = { ...draft, accessKeyId } as SessionPrincipal;
    const credentials: TemporaryCredentials = {
      accessKeyId,
      secretAccessKey: secretAccessKey(this.random),
      sessionToken: sessionToken(this.random),
      expiration: new Date(expiration.getTime()),
      principal,
    };
    this.sessions.set(accessKeyId, credentials);
    return credentials;
  }

  /** The session of a temporary access key id, expired or not. */
  get(accessKeyId: string): TemporaryCredentials | undefined {
    return this.sessions.get(accessKeyId);
  }

  /** How many sessions were issued. */
  get size(): number {
    return this.sessions.size;
  }
}
