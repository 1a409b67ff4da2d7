-- Refresh tokens long expired are purged in small batches; this index finds them without a scan.
CREATE INDEX refresh_token_expiry ON refresh_token (expires_at);
