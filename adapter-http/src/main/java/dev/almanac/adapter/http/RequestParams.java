package dev.almanac.adapter.http;

import dev.almanac.application.event.EditScope;
import dev.almanac.domain.calendar.CalendarId;
import dev.almanac.domain.event.EventId;
import dev.almanac.domain.event.OccurrenceId;
import dev.almanac.domain.shared.NotFoundException;
import io.javalin.http.Context;
import java.math.BigInteger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.regex.Pattern;

/** Reads path and query parameters. Ids that are not UUIDs name nothing, so they are 404, not 400. */
final class RequestParams {
    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]{1,100}");

    private RequestParams() {
    }

    static CalendarId calendarId(Context ctx) {
        return uuid(ctx.pathParam("calendarId")).map(CalendarId::new)
                .orElseThrow(() -> notFound("calendar.not_found", "No calendar that you can see has this id"));
    }

    static EventId eventId(Context ctx) {
        return uuid(ctx.pathParam("eventId")).map(EventId::new)
                .orElseThrow(() -> notFound("event.not_found", "No event in this calendar has this id"));
    }

    /** The id of one occurrence of a series ({@code <series uuid>_<original start>}), when the path names one. */
    static Optional<OccurrenceId.Parsed> occurrenceId(Context ctx) {
        return OccurrenceId.parse(ctx.pathParam("eventId"));
    }

    /** {@code scope=this|following|all} (default {@code this}); anything else is a 400. */
    static EditScope scope(Context ctx) {
        String raw = ctx.queryParam("scope");
        if (raw == null || raw.isEmpty()) {
            return EditScope.THIS;
        }
        return switch (raw) {
            case "this" -> EditScope.THIS;
            case "following" -> EditScope.FOLLOWING;
            case "all" -> EditScope.ALL;
            default -> throw HttpProblem.invalidParameter("scope", "scope must be this, following or all");
        };
    }

    /** An RFC 3339 date-time with an offset, e.g. {@code 2026-03-08T00:00:00Z}. */
    /** The {@code sessionId} path parameter; a non-UUID names no session, so it is 404. */
    static dev.almanac.domain.security.SessionId sessionId(Context ctx) {
        return uuid(ctx.pathParam("sessionId")).map(dev.almanac.domain.security.SessionId::new)
                .orElseThrow(() -> notFound("session.not_found", "No such session"));
    }

    /** The {@code apiKeyId} path parameter; a non-UUID names no key, so it is 404. */
    static dev.almanac.domain.apikey.ApiKeyId apiKeyId(Context ctx) {
        return uuid(ctx.pathParam("apiKeyId")).map(dev.almanac.domain.apikey.ApiKeyId::new)
                .orElseThrow(() -> notFound("api_key.not_found", "No such API key"));
    }

    static Instant instant(Context ctx, String name) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isEmpty()) {
            throw HttpProblem.missingParameter(name);
        }
        try {
            return OffsetDateTime.parse(raw, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            // A '+' in an unencoded query string arrives as a space; forgive that one slip.
            if (raw.indexOf(' ') > 0) {
                try {
                    return OffsetDateTime.parse(raw.replace(' ', '+'), DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                            .toInstant();
                } catch (DateTimeParseException ignored) {
                    // fall through to the error below
                }
            }
            throw HttpProblem.invalidParameter(name,
                    name + " must be an RFC 3339 date-time with an offset, e.g. 2026-03-08T00:00:00Z");
        }
    }

    /** An integer; out-of-range values are passed on (clamped) for the use case to refuse with 422. */
    static OptionalInt integer(Context ctx, String name) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isEmpty()) {
            return OptionalInt.empty();
        }
        if (!INTEGER.matcher(raw).matches()) {
            throw HttpProblem.invalidParameter(name, name + " must be an integer");
        }
        BigInteger value = new BigInteger(raw);
        if (value.bitLength() > 31) {
            return OptionalInt.of(value.signum() > 0 ? Integer.MAX_VALUE : Integer.MIN_VALUE);
        }
        return OptionalInt.of(value.intValue());
    }

    /** {@code true} or {@code false}; {@code fallback} when absent. */
    static boolean bool(Context ctx, String name, boolean fallback) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isEmpty()) {
            return fallback;
        }
        return switch (raw) {
            case "true" -> true;
            case "false" -> false;
            default -> throw HttpProblem.invalidParameter(name, name + " must be true or false");
        };
    }

    static Optional<String> text(Context ctx, String name) {
        return Optional.ofNullable(ctx.queryParam(name)).filter(s -> !s.isEmpty());
    }

    private static Optional<UUID> uuid(String raw) {
        return isUuidText(raw) ? Optional.of(UUID.fromString(raw)) : Optional.empty();
    }

    /**
     * Whether {@code raw} is a UUID in its canonical text form: 36 characters, ASCII hex digits in either case, and
     * hyphens after the 8th, 12th, 16th and 20th digit. {@link UUID#fromString} alone takes shorter forms too. A loop,
     * not a regular expression: every event route reads two ids.
     */
    static boolean isUuidText(String raw) {
        if (raw == null || raw.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = raw.charAt(i);
            boolean fits = i == 8 || i == 13 || i == 18 || i == 23 ? c == '-'
                    : c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
            if (!fits) {
                return false;
            }
        }
        return true;
    }

    private static NotFoundException notFound(String code, String message) {
        return new NotFoundException(code, message);
    }
}
