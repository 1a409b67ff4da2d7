-- Set in the same transaction as a keyed call's own write: a claim whose call committed something is
-- never run again, even when its instance died before the answer was kept (the answer is then lost,
-- and a repetition is told so instead of running a second time).
ALTER TABLE idempotency_key ADD COLUMN applied BOOLEAN DEFAULT FALSE NOT NULL;
