package dev.almanac.adapter.http.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Builds and reads JSON in tests: {@code Json.object("name", "Work", "timeZone", "Europe/Berlin")}. */
public final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    /** An object from alternating names and values; values may be strings, numbers, booleans, nodes or null. */
    public static ObjectNode object(Object... namesAndValues) {
        ObjectNode node = MAPPER.createObjectNode();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            node.set((String) namesAndValues[i], MAPPER.valueToTree(namesAndValues[i + 1]));
        }
        return node;
    }

    public static ObjectNode wall(String dateTime, String timeZone) {
        return object("dateTime", dateTime, "timeZone", timeZone);
    }

    public static ObjectNode day(String date) {
        return object("date", date);
    }

    public static JsonNode parse(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }
}
