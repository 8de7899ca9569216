-- Tables the write API owns: off-chain records that indexing does not rebuild.

-- API tokens: only a SHA-256 of each token is kept (tokens are 256 random bits, so a fast hash
-- is enough); a token acts for exactly one chain account.
CREATE TABLE svc_tokens (
    token_hash TEXT PRIMARY KEY,
    account    TEXT NOT NULL,
    label      TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    revoked_at BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX svc_tokens_account ON svc_tokens (account);

-- Idempotency keys: a write retried with the same key gets the first answer back instead of
-- sending a second transaction. state is 'running' until the first attempt has its answer.
CREATE TABLE svc_idempotency (
    account      TEXT NOT NULL,
    idem_key     TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    state        TEXT NOT NULL,
    status       INTEGER NOT NULL DEFAULT 0,
    body         TEXT NOT NULL DEFAULT '',
    created_at   BIGINT NOT NULL,
    PRIMARY KEY (account, idem_key)
);

-- Serials in clear, kept by the manufacturer's own service to print labels; the chain and the
-- mirror only ever hold pack ids (keccak256 of batch id and serial).
CREATE TABLE svc_serials (
    batch_id TEXT NOT NULL,
    idx      BIGINT NOT NULL,
    serial   TEXT NOT NULL,
    PRIMARY KEY (batch_id, idx)
);
