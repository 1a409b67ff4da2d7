package io.coffer.user;

/** The lifecycle of an API user; only ACTIVE users authenticate. */
public enum UserStatus {
    ACTIVE,
    ACCESS_SUSPENDED,
    REVOKED
}
