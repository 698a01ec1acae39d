package dev.almanac.application.contract;

import dev.almanac.application.port.AccountLifecycleStore;
import dev.almanac.application.port.AccountRepository;
import dev.almanac.application.port.MailOutbox;
import dev.almanac.application.port.SessionRepository;

/** The stores of the account lifecycle and the mail outbox, of one (empty) store, as their contracts get them. */
public record LifecycleStores(AccountRepository accounts, SessionRepository sessions, AccountLifecycleStore lifecycle,
                              MailOutbox outbox) {
}
