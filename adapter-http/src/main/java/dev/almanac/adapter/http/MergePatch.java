package dev.almanac.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** JSON merge patch (RFC 7396) helpers. */
final class MergePatch {
    private MergePatch() {
    }

    /** {@code null} removes a member in a merge patch; for members that cannot be absent, that is a 422. */
    static void refuseNulls(ObjectNode patch, String... required) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (String name : required) {
            if (patch.has(name) && patch.get(name).isNull()) {
                errors.add(new Problem.FieldError(name, "request.field_not_nullable",
                        name + " cannot be removed; send a new value or leave it out"));
            }
        }
        if (!errors.isEmpty()) {
            throw new HttpProblem(422, "request.field_not_nullable", errors.get(0).message(), errors);
        }
    }

    /** Applies {@code patch} to a copy of {@code target} as RFC 7396 §2 describes. */
    static JsonNode apply(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch;
        }
        ObjectNode result = target != null && target.isObject() ? ((ObjectNode) target).deepCopy()
                : ((ObjectNode) patch).objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> member = it.next();
            if (member.getValue().isNull()) {
                result.remove(member.getKey());
            } else {
                result.set(member.getKey(), apply(result.get(member.getKey()), member.getValue()));
            }
        }
        return result;
    }
}
