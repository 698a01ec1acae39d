package dev.almanac.adapter.http.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpHeaders;
import java.util.ArrayList;
import java.util.List;

/** One HTTP response, with assertions that read like the contract. */
public record Reply(int status, HttpHeaders headers, String body) {

    public Reply expect(int expected) {
        assertThat(status).as("status of a response with body %s", body).isEqualTo(expected);
        return this;
    }

    public JsonNode json() {
        return Json.parse(body);
    }

    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    /** Asserts a problem response with this status and code, and returns its body. */
    public JsonNode problem(int expectedStatus, String expectedCode) {
        expect(expectedStatus);
        JsonNode problem = json();
        assertThat(problem.path("code").asText()).as("problem code in %s", body).isEqualTo(expectedCode);
        return problem;
    }

    /** The {@code field} of every entry in the problem's {@code errors}. */
    public List<String> errorFields() {
        List<String> fields = new ArrayList<>();
        json().path("errors").forEach(error -> fields.add(error.path("field").asText()));
        return fields;
    }

    /** The {@code code} of every entry in the problem's {@code errors}. */
    public List<String> errorCodes() {
        List<String> codes = new ArrayList<>();
        json().path("errors").forEach(error -> codes.add(error.path("code").asText()));
        return codes;
    }
}
