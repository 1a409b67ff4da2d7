package io.coffer.db;

import java.sql.SQLException;

/** A database failure that no caller can handle: the request fails with a 500 and is logged. */
public class StorageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StorageException(String message, SQLException cause) {
        super(message + ": " + cause.getMessage() + " (SQLState " + cause.getSQLState() + ")", cause);
    }

    /** The SQLState of the underlying failure, used to tell conflicts from real errors. */
    public String sqlState() {
        return getCause() instanceof SQLException sql && sql.getSQLState() != null ? sql.getSQLState() : "";
    }
}
