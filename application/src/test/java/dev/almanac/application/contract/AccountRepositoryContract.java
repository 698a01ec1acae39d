package dev.almanac.application.contract;

import static dev.almanac.application.contract.ContractFixtures.BERLIN;
import static dev.almanac.application.contract.ContractFixtures.NOW;
import static dev.almanac.application.contract.ContractFixtures.account;
import static dev.almanac.application.contract.ContractFixtures.calendar;
import static dev.almanac.application.contract.ContractFixtures.newId;
import static dev.almanac.application.contract.ContractFixtures.timed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.almanac.application.port.AccountRepository;
import dev.almanac.domain.account.Account;
import dev.almanac.domain.account.AccountId;
import dev.almanac.domain.account.EmailAddress;
import dev.almanac.domain.account.PasswordHash;
import dev.almanac.domain.calendar.Calendar;
import dev.almanac.domain.event.Event;
import dev.almanac.domain.shared.ConflictException;
import dev.almanac.domain.shared.NotFoundException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link AccountRepository} does. Run against the in-memory fake and against PostgreSQL, so the fake
 * that use-case tests lean on behaves as the real store does.
 */
public abstract class AccountRepositoryContract {

    /** A new, empty store for each test. */
    protected abstract Repositories freshRepositories();

    private Repositories repositories;
    private AccountRepository accounts;

    @BeforeEach
    void emptyStore() {
        repositories = freshRepositories();
        accounts = repositories.accounts();
    }

    @Test
    void an_added_account_is_found_by_id_with_every_field() {
        Account ada = account("Ada@Example.org");
        accounts.add(ada);

        assertThat(accounts.byId(ada.id())).contains(ada);
    }

    @Test
    void an_account_is_found_by_its_email_in_any_case() {
        Account ada = account("Ada@Example.org");
        accounts.add(ada);

        assertThat(accounts.byEmail(EmailAddress.of("ada@example.org"))).contains(ada);
        assertThat(accounts.byEmail(EmailAddress.of("ADA@EXAMPLE.ORG"))).contains(ada);
    }

    @Test
    void the_email_keeps_the_case_it_was_typed_in() {
        Account ada = account("Ada@Example.org");
        accounts.add(ada);

        assertThat(accounts.byId(ada.id())).get()
                .extracting(a -> a.email().value()).isEqualTo("Ada@Example.org");
    }

    @Test
    void unknown_ids_and_emails_are_not_found() {
        accounts.add(account("ada@example.org"));

        assertThat(accounts.byId(new AccountId(newId()))).isEmpty();
        assertThat(accounts.byEmail(EmailAddress.of("grace@example.org"))).isEmpty();
    }

    @Test
    void a_second_account_with_the_same_email_in_another_case_is_refused_as_taken() {
        Account first = account("ada@example.org");
        accounts.add(first);

        assertThatThrownBy(() -> accounts.add(account("ADA@example.ORG")))
                .isInstanceOf(ConflictException.class)
                .extracting(e -> ((ConflictException) e).code()).isEqualTo("account.email.taken");
        assertThat(accounts.byEmail(EmailAddress.of("ada@example.org"))).contains(first);
    }

    @Test
    void changing_the_password_hash_keeps_everything_else() {
        Account ada = account("ada@example.org");
        accounts.add(ada);
        PasswordHash stronger = new PasswordHash("$fake$g2$correct horse battery");

        accounts.changePasswordHash(ada.id(), stronger);

        assertThat(accounts.byId(ada.id())).contains(ada.withPasswordHash(stronger));
    }

    @Test
    void changing_the_password_hash_of_an_unknown_account_is_not_found() {
        assertThatThrownBy(() -> accounts.changePasswordHash(new AccountId(newId()), new PasswordHash("$fake$g2$x")))
                .isInstanceOf(NotFoundException.class)
                .extracting(e -> ((NotFoundException) e).code()).isEqualTo("account.not_found");
    }

    @Test
    void deleting_an_account_takes_its_calendars_and_events_and_frees_its_address() {
        Account ada = account("ada@example.org");
        Account grace = account("grace@example.org");
        accounts.add(ada);
        accounts.add(grace);
        Calendar adas = calendar(ada.id(), "Work", BERLIN, NOW);
        Calendar graces = calendar(grace.id(), "Home", BERLIN, NOW);
        repositories.calendars().add(adas);
        repositories.calendars().add(graces);
        Event adasEvent = timed(adas, "Standup", "2026-03-02T09:00", "2026-03-02T09:15");
        Event gracesEvent = timed(graces, "Lunch", "2026-03-02T12:00", "2026-03-02T13:00");
        repositories.events().add(adasEvent);
        repositories.events().add(gracesEvent);

        assertThat(accounts.delete(ada.id())).isTrue();

        assertThat(accounts.byId(ada.id())).isEmpty();
        assertThat(accounts.byEmail(EmailAddress.of("ada@example.org"))).isEmpty();
        assertThat(repositories.calendars().byId(adas.id())).isEmpty();
        assertThat(repositories.events().byId(adas.id(), adasEvent.id())).isEmpty();
        assertThat(repositories.calendars().byId(graces.id())).contains(graces);
        assertThat(repositories.events().byId(graces.id(), gracesEvent.id())).isPresent();
        accounts.add(account("ada@example.org"));
    }

    @Test
    void deleting_an_unknown_account_changes_nothing() {
        Account ada = account("ada@example.org");
        accounts.add(ada);

        assertThat(accounts.delete(new AccountId(newId()))).isFalse();

        assertThat(accounts.byId(ada.id())).contains(ada);
    }
}
