package dev.almanac.application.contract;

import static dev.almanac.application.contract.ContractFixtures.NOW;
import static dev.almanac.application.contract.ContractFixtures.newId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.almanac.application.port.AuditTrail;
import dev.almanac.application.shared.Cursor;
import dev.almanac.domain.account.AccountId;
import dev.almanac.domain.audit.AuditEntry;
import dev.almanac.domain.audit.AuditEvent;
import dev.almanac.domain.audit.AuditOutcome;
import dev.almanac.domain.security.Client;
import dev.almanac.domain.security.RequestContext;
import dev.almanac.domain.security.RequestId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link AuditTrail} does; run against the in-memory fake and PostgreSQL. */
public abstract class AuditTrailContract {
    private static final RequestContext LAPTOP = new RequestContext(new Client("192.0.2.10", "Firefox/140"),
            new RequestId("req-1"));

    /** A trail on an empty store. */
    protected abstract AuditTrail freshTrail();

    private AuditTrail audit;
    private final AccountId ada = new AccountId(UUID.randomUUID());
    private final AccountId eve = new AccountId(UUID.randomUUID());

    @BeforeEach
    void emptyTrail() {
        audit = freshTrail();
    }

    private static AuditEntry entry(AccountId actor, AuditEvent event, AuditOutcome outcome, Instant at) {
        return AuditEntry.of(newId(), event, outcome, Optional.ofNullable(actor), at, LAPTOP,
                Optional.of("a-session-id"));
    }

    @Test
    void a_recorded_entry_is_read_back_with_every_field() {
        AuditEntry signedIn = entry(ada, AuditEvent.SIGN_IN, AuditOutcome.SUCCESS, NOW);

        audit.record(signedIn);

        assertThat(audit.of(ada, Optional.empty(), 10)).containsExactly(signedIn);
    }

    @Test
    void an_account_reads_only_its_own_entries_newest_first() {
        AuditEntry first = entry(ada, AuditEvent.SIGN_UP, AuditOutcome.SUCCESS, NOW);
        AuditEntry second = entry(ada, AuditEvent.SIGN_IN, AuditOutcome.FAILURE, NOW.plusSeconds(1));
        AuditEntry eves = entry(eve, AuditEvent.SIGN_IN, AuditOutcome.SUCCESS, NOW.plusSeconds(2));
        AuditEntry nobodys = entry(null, AuditEvent.SIGN_IN, AuditOutcome.FAILURE, NOW.plusSeconds(3));
        List.of(first, second, eves, nobodys).forEach(audit::record);

        assertThat(audit.of(ada, Optional.empty(), 10)).containsExactly(second, first);
        assertThat(audit.of(eve, Optional.empty(), 10)).containsExactly(eves);
    }

    @Test
    void pages_continue_after_the_cursor_even_among_entries_of_one_instant() {
        List<AuditEntry> sameInstant = List.of(
                entry(ada, AuditEvent.REFRESH, AuditOutcome.SUCCESS, NOW),
                entry(ada, AuditEvent.REFRESH, AuditOutcome.SUCCESS, NOW),
                entry(ada, AuditEvent.REFRESH, AuditOutcome.SUCCESS, NOW));
        sameInstant.forEach(audit::record);

        List<AuditEntry> firstPage = audit.of(ada, Optional.empty(), 2);
        AuditEntry last = firstPage.get(1);
        List<AuditEntry> secondPage = audit.of(ada, Optional.of(new Cursor(last.at(), last.id())), 2);

        assertThat(firstPage).hasSize(2);
        assertThat(secondPage).hasSize(1).doesNotContainAnyElementsOf(firstPage);
        assertThat(secondPage.get(0)).isIn(sameInstant);
    }

    @Test
    void recording_with_a_change_keeps_the_result_and_the_entry() {
        AuditEntry signedUp = entry(ada, AuditEvent.SIGN_UP, AuditOutcome.SUCCESS, NOW);

        String result = audit.recordWith(() -> "changed", changed -> Optional.of(signedUp));

        assertThat(result).isEqualTo("changed");
        assertThat(audit.of(ada, Optional.empty(), 10)).containsExactly(signedUp);
    }

    @Test
    void a_change_that_fails_leaves_no_entry() {
        assertThatThrownBy(() -> audit.recordWith(() -> {
            throw new IllegalStateException("the change failed");
        }, changed -> Optional.of(entry(ada, AuditEvent.SIGN_UP, AuditOutcome.SUCCESS, NOW))))
                .hasMessage("the change failed");

        assertThat(audit.of(ada, Optional.empty(), 10)).isEmpty();
    }

    @Test
    void a_change_that_asks_for_no_entry_records_nothing() {
        audit.recordWith(() -> "changed", changed -> Optional.empty());

        assertThat(audit.of(ada, Optional.empty(), 10)).isEmpty();
    }

    @Test
    void forgetting_personal_data_keeps_what_happened_but_not_the_address_user_agent_or_subject() {
        AuditEntry adas = AuditEntry.of(UUID.randomUUID(), AuditEvent.SIGN_IN, AuditOutcome.SUCCESS,
                Optional.of(ada), NOW, new RequestContext(new Client("192.0.2.1", "Firefox/140"),
                        new RequestId("forget-1")), Optional.of("0190aaaa-0000-7000-8000-0000000000b1"));
        AuditEntry eves = entry(eve, AuditEvent.SIGN_IN, AuditOutcome.SUCCESS, NOW);
        audit.record(adas);
        audit.record(eves);

        assertThat(audit.forgetPersonalData(ada)).isEqualTo(1);

        AuditEntry forgotten = audit.of(ada, Optional.empty(), 10).get(0);
        assertThat(forgotten.client()).isEqualTo(Client.UNKNOWN);
        assertThat(forgotten.subject()).isEmpty();
        assertThat(forgotten).isEqualTo(adas.withoutPersonalData());
        assertThat(forgotten).extracting(AuditEntry::id, AuditEntry::event, AuditEntry::at, AuditEntry::requestId)
                .containsExactly(adas.id(), adas.event(), adas.at(), adas.requestId());
        assertThat(audit.of(eve, Optional.empty(), 10)).containsExactly(eves);
    }
}
