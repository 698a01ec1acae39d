package dev.almanac.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What a replica may answer from memory about a session, and when it must ask the database (ADR 0028). */
class LiveSessionsTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final Instant EXPIRES = NOW.plusSeconds(3600);
    private final UUID session = UUID.randomUUID();
    private final UUID account = UUID.randomUUID();

    @Test
    void a_session_found_alive_is_known_alive_for_its_account_until_it_expires() {
        LiveSessions live = trusted();

        live.remember(session, account, EXPIRES, live.generation());

        assertThat(live.knownAlive(session, account, NOW)).isTrue();
        assertThat(live.knownAlive(session, account, EXPIRES.minusNanos(1000))).isTrue();
        assertThat(live.knownAlive(session, account, EXPIRES)).isFalse();
        assertThat(live.knownAlive(session, UUID.randomUUID(), NOW)).as("another account").isFalse();
        assertThat(live.knownAlive(UUID.randomUUID(), account, NOW)).as("another session").isFalse();
    }

    @Test
    void nothing_is_remembered_before_notifications_are_trusted() {
        LiveSessions live = LiveSessions.enabled();

        live.remember(session, account, EXPIRES, live.generation());
        live.trust();

        assertThat(live.knownAlive(session, account, NOW)).isFalse();
    }

    @Test
    void an_answer_read_before_a_session_ended_is_not_remembered_after_it() {
        LiveSessions live = trusted();
        long before = live.generation();

        live.ended(UUID.randomUUID()); // any end handled between the query and remembering its answer
        live.remember(session, account, EXPIRES, before);

        assertThat(live.knownAlive(session, account, NOW)).isFalse();
    }

    @Test
    void an_ended_session_is_forgotten_and_the_others_are_kept() {
        LiveSessions live = trusted();
        UUID other = UUID.randomUUID();
        live.remember(session, account, EXPIRES, live.generation());
        live.remember(other, account, EXPIRES, live.generation());

        live.ended(session);

        assertThat(live.knownAlive(session, account, NOW)).isFalse();
        assertThat(live.knownAlive(other, account, NOW)).isTrue();
    }

    @Test
    void losing_trust_forgets_everything_and_trust_regained_starts_from_nothing() {
        LiveSessions live = trusted();
        live.remember(session, account, EXPIRES, live.generation());

        live.distrust();
        live.remember(UUID.randomUUID(), account, EXPIRES, live.generation());
        assertThat(live.knownAlive(session, account, NOW)).isFalse();

        live.trust();
        assertThat(live.knownAlive(session, account, NOW)).isFalse();
        live.remember(session, account, EXPIRES, live.generation());
        assertThat(live.knownAlive(session, account, NOW)).isTrue();
    }

    @Test
    void forget_all_forgets_all() {
        LiveSessions live = trusted();
        live.remember(session, account, EXPIRES, live.generation());

        live.forgetAll();

        assertThat(live.knownAlive(session, account, NOW)).isFalse();
    }

    @Test
    void a_disabled_cache_is_never_trusted_and_remembers_nothing() {
        LiveSessions live = LiveSessions.disabled();

        live.trust();
        live.remember(session, account, EXPIRES, live.generation());

        assertThat(live.trusted()).isFalse();
        assertThat(live.knownAlive(session, account, NOW)).isFalse();
    }

    private static LiveSessions trusted() {
        LiveSessions live = LiveSessions.enabled();
        live.trust();
        return live;
    }
}
