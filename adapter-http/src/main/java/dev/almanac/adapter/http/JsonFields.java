package dev.almanac.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Binds the fields of one JSON object by hand, collecting every problem (unknown field, wrong type, missing
 * field) so that one 400 response names them all. Field names in errors are dotted paths ({@code start.date}).
 */
final class JsonFields {
    private final ObjectNode node;
    private final String prefix;
    private final List<Problem.FieldError> errors;

    private JsonFields(ObjectNode node, String prefix, List<Problem.FieldError> errors, Set<String> allowed) {
        this.node = node;
        this.prefix = prefix;
        this.errors = errors;
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                String shown = name.length() > 64 ? name.substring(0, 64) + "…" : name;
                errors.add(new Problem.FieldError(path(shown), "request.unknown_field",
                        "'" + path(shown) + "' is not a field of this body; allowed: " + String.join(", ",
                                allowed.stream().sorted().toList())));
            }
        }
    }

    static JsonFields of(ObjectNode node, String... allowed) {
        return new JsonFields(node, "", new ArrayList<>(), Set.of(allowed));
    }

    /** Whether the field is in the object at all (even as {@code null}). */
    boolean has(String name) {
        return node.has(name);
    }

    /** Whether the field is present with a non-null value. */
    boolean present(String name) {
        return node.hasNonNull(name);
    }

    /** A required string: missing or {@code null} and non-strings are recorded as errors, giving {@code null}. */
    String text(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            missing(name);
            return null;
        }
        return textOrError(name, value);
    }

    /** An optional string: absent and {@code null} both give empty. */
    Optional<String> optionalText(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        return Optional.ofNullable(textOrError(name, value));
    }

    /**
     * A required array of strings: missing, {@code null}, a non-array and non-string items are recorded as errors
     * (items by index, e.g. {@code scopes[1]}), giving {@code null}.
     */
    List<String> texts(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            missing(name);
            return null;
        }
        if (!value.isArray()) {
            wrongType(name, "an array of strings");
            return null;
        }
        List<String> texts = new ArrayList<>(value.size());
        boolean allText = true;
        for (int i = 0; i < value.size(); i++) {
            if (value.get(i).isTextual()) {
                texts.add(value.get(i).textValue());
            } else {
                wrongType(name + "[" + i + "]", "a string");
                allText = false;
            }
        }
        return allText ? texts : null;
    }

    /** A nested object, or {@code null} (with an error recorded) when it is missing or not an object. */
    JsonFields object(String name, String... allowed) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            missing(name);
            return null;
        }
        if (!value.isObject()) {
            wrongType(name, "an object");
            return null;
        }
        return new JsonFields((ObjectNode) value, path(name) + ".", errors, Set.of(allowed));
    }

    void error(String name, String code, String message) {
        errors.add(new Problem.FieldError(path(name), code, message));
    }

    String path(String name) {
        return prefix + name;
    }

    /** Throws one 400 naming every bad field, if there was any. */
    void throwIfInvalid() {
        if (errors.isEmpty()) {
            return;
        }
        Problem.FieldError first = errors.get(0);
        String detail = errors.size() == 1 ? first.message()
                : "The request body has " + errors.size() + " problems; see errors";
        throw new HttpProblem(400, first.code(), detail, errors);
    }

    private String textOrError(String name, JsonNode value) {
        if (!value.isTextual()) {
            wrongType(name, "a string");
            return null;
        }
        return value.textValue();
    }

    private void missing(String name) {
        errors.add(new Problem.FieldError(path(name), "request.missing_field", path(name) + " is required"));
    }

    private void wrongType(String name, String expected) {
        errors.add(new Problem.FieldError(path(name), "request.invalid_type", path(name) + " must be " + expected));
    }
}
