package dev.almanac.domain.testing;

import dev.almanac.domain.account.AccountId;
import dev.almanac.domain.calendar.CalendarId;
import dev.almanac.domain.event.EventId;
import java.util.UUID;

/** Readable, predictable identifiers for tests: {@code Ids.account(1)} is 00000000-0000-0000-0000-000000000001. */
public final class Ids {
    private Ids() {
    }

    public static UUID uuid(long n) {
        return new UUID(0, n);
    }

    public static AccountId account(long n) {
        return new AccountId(uuid(n));
    }

    public static CalendarId calendar(long n) {
        return new CalendarId(uuid(0x1000 + n));
    }

    public static EventId event(long n) {
        return new EventId(uuid(0x2000 + n));
    }
}
