package dev.almanac.adapter.http;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Entity tags and conditional requests (RFC 9110 §8.8.3, §13). A resource's ETag is its version as a strong tag,
 * e.g. {@code "3"}.
 */
final class Preconditions {
    private static final Pattern TAG = Pattern.compile("\\s*(W/)?\"([\\x21\\x23-\\x7E\\x80-\\xFF]*)\"\\s*(,|$)");

    private Preconditions() {
    }

    static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** Whether {@code If-None-Match} names the current version (weak comparison, as RFC 9110 asks for GET). */
    static boolean notModified(Context ctx, long version) {
        String header = ctx.header("If-None-Match");
        if (header == null) {
            return false;
        }
        if (header.strip().equals("*")) {
            return true;
        }
        List<Tag> tags = parse(header);
        return tags != null && tags.stream().anyMatch(tag -> tag.opaque().equals(Long.toString(version)));
    }

    /**
     * The version {@code If-Match} demands, to be checked atomically by the repository: empty when there is no
     * header or it is {@code *} (any existing resource). Weak tags never match (strong comparison), and a header
     * that names no current version, or cannot be read, fails the precondition with 412.
     *
     * @param current reads the current version; only consulted when the header lists several tags
     */
    static OptionalLong expectedVersion(Context ctx, LongSupplier current) {
        String header = ctx.header("If-Match");
        if (header == null) {
            return OptionalLong.empty();
        }
        if (header.strip().equals("*")) {
            return OptionalLong.empty();
        }
        List<Tag> tags = parse(header);
        if (tags == null) {
            throw HttpProblem.preconditionFailed("If-Match must list entity tags such as \"3\" (or be *)");
        }
        List<Long> versions = new ArrayList<>();
        for (Tag tag : tags) {
            if (!tag.weak() && tag.opaque().matches("[0-9]{1,18}")) {
                versions.add(Long.parseLong(tag.opaque()));
            }
        }
        if (versions.isEmpty()) {
            throw stale();
        }
        if (versions.size() == 1) {
            return OptionalLong.of(versions.get(0));
        }
        long now = current.getAsLong();
        if (!versions.contains(now)) {
            throw stale();
        }
        return OptionalLong.of(now);
    }

    static boolean sentIfMatch(Context ctx) {
        return ctx.header("If-Match") != null;
    }

    static HttpProblem stale() {
        return HttpProblem.preconditionFailed(
                "If-Match does not name the current version of the resource; read it again (its ETag) and retry");
    }

    /** The tags of a comma-separated list, or {@code null} when the list is malformed. */
    private static List<Tag> parse(String header) {
        List<Tag> tags = new ArrayList<>();
        Matcher matcher = TAG.matcher(header);
        int at = 0;
        while (at < header.length()) {
            if (!matcher.find(at) || matcher.start() != at) {
                return null;
            }
            tags.add(new Tag(matcher.group(1) != null, matcher.group(2)));
            at = matcher.end();
        }
        return tags.isEmpty() ? null : tags;
    }

    private record Tag(boolean weak, String opaque) {
    }
}
