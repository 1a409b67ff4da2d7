-- Trust before growth: sessions that end, challenges as large as any request, live workspaces,
-- block timers that start when turned on, and the master key's probe.

-- Access tokens carry the epoch they were issued in; ending a user's sessions moves it on.
ALTER TABLE api_user ADD COLUMN session_epoch INTEGER DEFAULT 0 NOT NULL;
-- The expiry (epoch milliseconds) of the last API access challenge a user claimed with: a claim needs a
-- later challenge, so a signed claim works once.
ALTER TABLE api_user ADD COLUMN access_claimed_until BIGINT DEFAULT 0 NOT NULL;
CREATE INDEX refresh_token_by_user ON refresh_token (user_id);

-- A challenge is base64url of the request's data (at most 500,000 bytes) and a few fields.
ALTER TABLE request_challenge ALTER COLUMN payload SET DATA TYPE VARCHAR(1000000);

-- SANDBOX workspaces take the sandbox calls; LIVE ones change only through governed requests.
ALTER TABLE workspace ADD COLUMN kind VARCHAR(16) DEFAULT 'SANDBOX' NOT NULL;

-- When a network's block timer was last turned on or changed: blocks are owed from then, not from
-- the last block.
ALTER TABLE network ADD COLUMN timer_since TIMESTAMP WITH TIME ZONE;

-- One row: a value sealed under the master key, so a start with the wrong key file stops at once.
CREATE TABLE master_key_probe (
    id      INTEGER     PRIMARY KEY,
    key_id  VARCHAR(64) NOT NULL,
    sealed  VARCHAR(256) NOT NULL
);
