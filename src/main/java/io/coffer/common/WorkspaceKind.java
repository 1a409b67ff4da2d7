package io.coffer.common;

/** The two kinds of workspace one server may host. */
public enum WorkspaceKind {
    /** Made by {@code POST /sandbox/workspaces}: its admins may script funds, blocks and time through the sandbox. */
    SANDBOX,
    /** Made by {@code coffer workspace create}: every sandbox call is refused; it changes only through governed requests. */
    LIVE
}
