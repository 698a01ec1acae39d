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
    void the_document_declares_what_every_route_needs_of_its_caller() throws Exception {
        String yaml;
        try (var in = OpenApiDocumentTest.class.getResourceAsStream(OpenApiContract.DOCUMENT)) {
            yaml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        var options = new io.swagger.v3.parser.core.models.ParseOptions();
        options.setResolve(false);
        var api = new io.swagger.v3.parser.OpenAPIV3Parser().readContents(yaml, null, options).getOpenAPI();
        for (Routes.Route route : server.api().table()) {
            var operation = api.getPaths().get(route.path()).readOperationsMap()
                    .get(io.swagger.v3.oas.models.PathItem.HttpMethod.valueOf(route.method().name()));
            String name = route.method() + " " + route.path();
            var extensions = operation.getExtensions() == null ? java.util.Map.<String, Object>of()
                    : operation.getExtensions();
            if (route.access() instanceof Routes.Access.Public) {
                assertThat(operation.getSecurity()).as("%s is public", name).isEmpty();
            } else if (route.access() instanceof Routes.Access.SessionOnly) {
                assertThat(extensions.get("x-session-only")).as(name).isEqualTo(true);
                assertThat(operation.getSecurity()).as(name).hasSize(1);
                assertThat(operation.getSecurity().get(0).keySet()).as(name).containsExactly("bearerAuth");
            } else if (route.access() instanceof Routes.Access.Scoped scoped) {
                assertThat(extensions.get("x-required-scope")).as(name).isEqualTo(scoped.scope().wireName());
                assertThat(operation.getSecurity()).as("%s takes the document's default: token or key", name)
                        .isNull();
            }
        }
    }

    @Test
    void the_served_document_is_the_one_on_the_classpath() throws Exception {
        var served = server.client().get("/openapi.yaml").expect(200).body();
        try (var in = OpenApiDocumentTest.class.getResourceAsStream(OpenApiContract.DOCUMENT)) {
            assertThat(served).isEqualTo(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
