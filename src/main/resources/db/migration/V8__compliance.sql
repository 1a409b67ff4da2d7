-- Compliance (V8): the flag of an incoming transaction whose sender is on the sanctions list or on the
-- operator's high-risk list. The transaction itself is recorded as usual (the chain made it); this row
-- is what GET /transactions shows as its "compliance" and what NEW_TRANSACTION_HAS_BEEN_SCORED announces.
-- One row per flagged transaction (one alert: a deposit has one sender); clean transactions have none.
CREATE TABLE transaction_screening (
    transaction_id  BIGINT       PRIMARY KEY REFERENCES txn (id),
    workspace_id    BIGINT       NOT NULL REFERENCES workspace (id),
    registration_id VARCHAR(64)  NOT NULL,
    severity        VARCHAR(8)   NOT NULL CHECK (severity IN ('Low', 'Medium', 'High', 'Severe')),
    alert_id        VARCHAR(64)  NOT NULL,
    category        VARCHAR(64)  NOT NULL,
    service         VARCHAR(512) NOT NULL,
    screened_on     TIMESTAMP WITH TIME ZONE NOT NULL
);
