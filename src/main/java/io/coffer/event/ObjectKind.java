package io.coffer.event;

/** The kinds of object notifications are about; each has its own visibility rule. */
public enum ObjectKind {
    TRANSACTION, REQUEST, USER, GROUP, ACCOUNT, ENTITY, WHITELIST
}
