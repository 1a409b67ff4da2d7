-- Over PostgreSQL an event is written without its number and numbered just after its transaction
-- commits, by whichever writer of the workspace takes the counter first (io.coffer.event.db.EventNumbering):
-- numbering at commit held the workspace's counter row through every commit's WAL flush, so one
-- workspace's writes committed one at a time. The embedded database, whose writes already run one at a
-- time, still numbers inside the transaction.
ALTER TABLE event ALTER COLUMN seq DROP NOT NULL;

-- The events still waiting for their number, for the sweep that numbers what a stopped instance left:
-- a partial index on PostgreSQL; nothing on H2, which never leaves one waiting (see Database).
${unnumbered_events_index};
