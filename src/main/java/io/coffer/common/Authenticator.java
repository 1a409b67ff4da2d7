package io.coffer.common;

/** Turns the credentials of a request into a {@link Caller}, or refuses them. */
public interface Authenticator {

    /**
     * Authenticates credentials against a workspace.
     *
     * @param workspaceName the workspace the request names
     * @param credentials what the request presented
     * @return the caller, or an {@code UNAUTHENTICATED} problem that never says which part was wrong
     */
    Outcome<Caller> authenticate(String workspaceName, Credentials credentials);
}
