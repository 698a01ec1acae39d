package dev.almanac.application.contract;

import static dev.almanac.application.contract.ContractFixtures.NOW;
import static dev.almanac.application.contract.ContractFixtures.account;
import static dev.almanac.application.contract.ContractFixtures.newId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.almanac.application.port.SessionRepository;
import dev.almanac.domain.account.Account;
import dev.almanac.domain.account.AccountId;
import dev.almanac.domain.account.PasswordHash;
import dev.almanac.domain.security.Client;
import dev.almanac.domain.security.RefreshOutcome;
import dev.almanac.domain.security.SecretHash;
import dev.almanac.domain.security.Session;
import dev.almanac.domain.security.SessionId;
import dev.almanac.domain.shared.NotFoundException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link SessionRepository} does; run against the in-memory fake and PostgreSQL. */
public abstract class SessionRepositoryContract {
    private static final Client LAPTOP = new Client("192.0.2.10", "Firefox/140");

    protected abstract SecurityStores freshStores();

    private SecurityStores stores;
    private SessionRepository sessions;
    private Account ada;

    @BeforeEach
    void emptyStore() {
        stores = freshStores();
        sessions = stores.sessions();
        ada = account("ada@example.org");
        stores.accounts().add(ada);
    }

    private Session started(String token, Instant at) {
        Session session = Session.start(new SessionId(newId()), ada.id(), SecretHash.of(token), LAPTOP, at);
        sessions.add(session);
        return session;
    }

    @Test
    void an_added_session_is_found_by_id_with_every_field() {
        Session session = started("first", NOW);

        assertThat(sessions.byId(session.id())).contains(session);
    }

    @Test
    void a_refresh_stores_the_rotated_session_and_remembers_the_old_token() {
        Session session = started("first", NOW);
        Instant later = NOW.plusSeconds(60);

        var rotated = sessions.refresh(SecretHash.of("first"),
                s -> s.refresh(SecretHash.of("first"), SecretHash.of("second"), LAPTOP, later));

        assertThat(rotated).get().isInstanceOf(RefreshOutcome.Rotated.class);
        assertThat(sessions.byId(session.id()).orElseThrow().currentToken()).isEqualTo(SecretHash.of("second"));
        var replay = sessions.refresh(SecretHash.of("first"),
                s -> s.refresh(SecretHash.of("first"), SecretHash.of("third"), LAPTOP, later));
        assertThat(replay).get().isInstanceOf(RefreshOutcome.ReuseDetected.class);
        assertThat(sessions.byId(session.id()).orElseThrow().revokedAt()).contains(later);
    }

    @Test
    void an_unknown_token_finds_nothing() {
        started("first", NOW);

        assertThat(sessions.refresh(SecretHash.of("never issued"), s -> {
            throw new AssertionError("not called");
        })).isEmpty();
        assertThat(sessions.updateByToken(SecretHash.of("never issued"), s -> s.revoke(NOW))).isEmpty();
        assertThat(sessions.update(new SessionId(newId()), s -> s.revoke(NOW))).isEmpty();
    }

    @Test
    void a_failing_decision_changes_nothing() {
        Session session = started("first", NOW);

        assertThatThrownBy(() -> sessions.refresh(SecretHash.of("first"), s -> {
            throw new IllegalStateException("the lights went out");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(sessions.byId(session.id())).contains(session);
    }

    @Test
    void active_lists_only_live_sessions_most_recently_used_first() {
        Session older = started("a", NOW);
        Session newer = started("b", NOW.plusSeconds(10));
        Session revoked = started("c", NOW.plusSeconds(20));
        sessions.update(revoked.id(), s -> s.revoke(NOW.plusSeconds(30)));

        assertThat(sessions.active(ada.id(), NOW.plusSeconds(40))).extracting(Session::id)
                .containsExactly(newer.id(), older.id());
        assertThat(sessions.active(ada.id(), NOW.plus(Session.LIFETIME).plus(Duration.ofDays(1)))).isEmpty();
    }

    @Test
    void revoke_all_ends_every_active_session_of_the_account() {
        started("a", NOW);
        started("b", NOW);

        assertThat(sessions.revokeAll(ada.id(), Optional.empty(), NOW.plusSeconds(5))).isEqualTo(2);
        assertThat(sessions.active(ada.id(), NOW.plusSeconds(6))).isEmpty();
    }

    @Test
    void revoke_all_but_one_keeps_that_one_and_leaves_other_accounts_alone() {
        Session kept = started("a", NOW);
        Session other = started("b", NOW);
        Account grace = account("grace@example.org");
        stores.accounts().add(grace);
        Session graces = Session.start(new SessionId(newId()), grace.id(), SecretHash.of("g"), LAPTOP, NOW);
        sessions.add(graces);

        assertThat(sessions.revokeAll(ada.id(), Optional.of(kept.id()), NOW.plusSeconds(5))).isEqualTo(1);

        assertThat(sessions.active(ada.id(), NOW.plusSeconds(6))).extracting(Session::id).containsExactly(kept.id());
        assertThat(sessions.byId(other.id()).orElseThrow().revokedAt()).contains(NOW.plusSeconds(5));
        assertThat(sessions.isLive(graces.id(), grace.id(), NOW.plusSeconds(6))).isTrue();
    }

    @Test
    void a_session_is_live_until_it_is_revoked_or_expires_and_only_for_its_own_account() {
        Session session = started("a", NOW);

        assertThat(sessions.isLive(session.id(), ada.id(), NOW.plusSeconds(1))).isTrue();
        assertThat(sessions.isLive(session.id(), new AccountId(newId()), NOW.plusSeconds(1))).isFalse();
        assertThat(sessions.isLive(new SessionId(newId()), ada.id(), NOW.plusSeconds(1))).isFalse();
        assertThat(sessions.isLive(session.id(), ada.id(), session.expiresAt())).isFalse();

        sessions.update(session.id(), s -> s.revoke(NOW.plusSeconds(2)));

        assertThat(sessions.isLive(session.id(), ada.id(), NOW.plusSeconds(3))).isFalse();
    }

    @Test
    void a_password_change_replaces_the_hash_and_ends_every_other_session_together() {
        Session kept = started("a", NOW);
        Session other = started("b", NOW);
        PasswordHash fresh = new PasswordHash("$fake$g1$a brand new passphrase");

        assertThat(stores.accounts().changePassword(ada.id(), fresh, Optional.of(kept.id()), NOW.plusSeconds(5)))
                .isEqualTo(1);

        assertThat(stores.accounts().byId(ada.id()).orElseThrow().passwordHash()).isEqualTo(fresh);
        assertThat(sessions.isLive(kept.id(), ada.id(), NOW.plusSeconds(6))).isTrue();
        assertThat(sessions.isLive(other.id(), ada.id(), NOW.plusSeconds(6))).isFalse();
    }

    @Test
    void a_password_change_of_an_unknown_account_is_not_found_and_ends_nothing() {
        Session session = started("a", NOW);

        assertThatThrownBy(() -> stores.accounts().changePassword(new AccountId(newId()),
                new PasswordHash("$fake$g1$x"), Optional.empty(), NOW.plusSeconds(5)))
                .isInstanceOf(NotFoundException.class);

        assertThat(sessions.isLive(session.id(), ada.id(), NOW.plusSeconds(6))).isTrue();
    }

    @Test
    void the_sessions_of_a_deleted_account_are_gone_with_it() {
        Session session = started("a", NOW);

        assertThat(stores.accounts().delete(ada.id())).isTrue();

        assertThat(sessions.byId(session.id())).isEmpty();
        assertThat(sessions.isLive(session.id(), ada.id(), NOW.plusSeconds(1))).isFalse();
        assertThat(sessions.refresh(SecretHash.of("a"), s -> {
            throw new AssertionError("no session may be found by a deleted account's token");
        })).isEmpty();
    }

    @Test
    void update_by_any_token_of_the_family_reaches_the_session() {
        Session session = started("first", NOW);
        sessions.refresh(SecretHash.of("first"),
                s -> s.refresh(SecretHash.of("first"), SecretHash.of("second"), LAPTOP, NOW));

        sessions.updateByToken(SecretHash.of("first"), s -> s.revoke(NOW.plusSeconds(1)));

        assertThat(sessions.byId(session.id()).orElseThrow().isActive(NOW.plusSeconds(2))).isFalse();
    }
}
