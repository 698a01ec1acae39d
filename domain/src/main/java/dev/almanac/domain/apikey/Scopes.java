package dev.almanac.domain.apikey;

import static java.util.Objects.requireNonNull;

import dev.almanac.domain.shared.RuleViolationException;
import dev.almanac.domain.shared.Violation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The scopes granted to one API key: at least one, each a known {@link Scope}. */
public record Scopes(Set<Scope> values) {
    private static final String FIELD = "scopes";

    public Scopes {
        requireNonNull(values, "values");
        if (values.isEmpty()) {
            throw empty();
        }
        values = Set.copyOf(EnumSet.copyOf(values));
    }

    public static Scopes of(Scope first, Scope... more) {
        return new Scopes(EnumSet.of(first, more));
    }

    /**
     * Reads scope names as a client sends them. Duplicates are harmless and collapse into one; an unknown name
     * (names are case-sensitive) is a violation naming it, and so is an empty list.
     */
    public static Scopes parse(Collection<String> names) {
        requireNonNull(names, "names");
        if (names.isEmpty()) {
            throw empty();
        }
        EnumSet<Scope> known = EnumSet.noneOf(Scope.class);
        List<Violation> unknown = new ArrayList<>();
        for (String name : names) {
            Optional<Scope> scope = name == null ? Optional.empty() : Scope.named(name);
            if (scope.isPresent()) {
                known.add(scope.get());
            } else {
                unknown.add(new Violation(FIELD, "api_key.scopes.unknown", "'" + shown(name)
                        + "' is not a scope; known scopes: " + String.join(", ", Scope.wireNames())));
            }
        }
        if (!unknown.isEmpty()) {
            throw new RuleViolationException(unknown.get(0).code(),
                    unknown.size() == 1 ? unknown.get(0).message() : unknown.size() + " scopes are unknown",
                    unknown);
        }
        return new Scopes(known);
    }

    public boolean contains(Scope scope) {
        return values.contains(scope);
    }

    /** The wire names in declaration order, e.g. {@code [calendars:read, events:read]}. */
    public List<String> wireNames() {
        return EnumSet.copyOf(values).stream().map(Scope::wireName).toList();
    }

    private static String shown(String name) {
        if (name == null) {
            return "null";
        }
        String printable = name.codePoints().limit(40)
                .map(c -> Character.isISOControl(c) || (c >= 0xD800 && c <= 0xDFFF) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return name.codePointCount(0, name.length()) > 40 ? printable + "…" : printable;
    }

    private static RuleViolationException empty() {
        return new RuleViolationException(FIELD, "api_key.scopes.empty",
                "scopes must name at least one scope; known scopes: " + String.join(", ", Scope.wireNames()));
    }
}
