package dev.almanac.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.almanac.adapter.http.testing.ApiServer;
import dev.almanac.adapter.http.testing.OpenApiContract;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The OpenAPI document and the server describe the same API: no route undocumented, no documented ghost. */
class OpenApiDocumentTest {

    private static ApiServer server;

    @BeforeAll
    static void start() {
        server = ApiServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void every_registered_route_is_in_the_document() {
        var registered = new TreeSet<>(server.api().routes());
        var documented = OpenApiContract.load().documentedOperations();

        assertThat(documented).as("routes the server has but the document lacks")
                .containsAll(registered);
    }

    @Test
    void the_document_names_no_route_the_server_does_not_have() {
        var registered = new TreeSet<>(server.api().routes());
        var documented = OpenApiContract.load().documentedOperations();

        assertThat(registered).as("routes the document names but the server lacks")
                .containsAll(documented);
    }

    @Test
    void the_served_document_is_the_one_on_the_classpath() throws Exception {
        var served = server.client().get("/openapi.yaml").expect(200).body();
        try (var in = OpenApiDocumentTest.class.getResourceAsStream(OpenApiContract.DOCUMENT)) {
            assertThat(served).isEqualTo(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
