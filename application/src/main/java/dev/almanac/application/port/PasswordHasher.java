package dev.almanac.application.port;

import dev.almanac.domain.account.PasswordHash;

/**
 * Turns passwords into slow, salted hashes and checks them. Implementations use a memory-hard function, and bound
 * how many hashes they compute at once so that a burst of them cannot exhaust the memory: a call may wait for its
 * turn.
 */
public interface PasswordHasher {

    PasswordHash hash(String password);

    /** Whether {@code password} matches {@code hash}; {@code false} also for a hash this hasher cannot read. */
    boolean verify(String password, PasswordHash hash);

    /** Whether {@code hash} was made with weaker parameters than this hasher uses now. */
    boolean needsRehash(PasswordHash hash);
}
