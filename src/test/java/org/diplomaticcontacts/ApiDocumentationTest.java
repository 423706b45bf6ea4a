package org.diplomaticcontacts;

import static org.assertj.core.api.Assertions.assertThat;

import org.diplomaticcontacts.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

import tools.jackson.databind.JsonNode;

/** The OpenAPI document, the Swagger UI and the health endpoint answer where the spec says. */
@IntegrationTest
class ApiDocumentationTest {

    @Autowired
    RestTestClient http;

    @Test
    void theOpenApiDocumentListsTheReadEndpoints() {
        JsonNode document = http.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .returnResult(JsonNode.class).getResponseBody();
        assertThat(document.get("openapi").asString()).startsWith("3.");
        assertThat(document.get("paths").propertyNames()).contains("/api/v1/meetings", "/api/v1/meetings/{id}",
                "/api/v1/officials", "/api/v1/organizations", "/api/v1/countries", "/api/v1/cooperation-areas");
        assertThat(document.at("/paths/~1api~1v1~1meetings/get/parameters").valueStream()
                .map(parameter -> parameter.get("name").asString()))
                .contains("country", "counterpart", "official", "organization", "area", "location", "kind", "from",
                        "to", "q", "page", "size", "sort");
    }

    @Test
    void theSwaggerUiAnswers() {
        EntityExchangeResult<String> result = http.get().uri("/swagger-ui.html").exchange()
                .returnResult(String.class);
        assertThat(result.getStatus().value()).isNotEqualTo(404);
        assertThat(result.getStatus().is2xxSuccessful() || result.getStatus().is3xxRedirection()).isTrue();
        if (result.getStatus().is3xxRedirection()) {
            assertThat(result.getResponseHeaders().getLocation()).isNotNull();
        }
        String page = http.get().uri("/swagger-ui/index.html").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .returnResult(String.class).getResponseBody();
        assertThat(page).containsIgnoringCase("swagger");
    }

    @Test
    void healthIsUp() {
        JsonNode health = http.get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .returnResult(JsonNode.class).getResponseBody();
        assertThat(health.get("status").asString()).isEqualTo("UP");
    }

    @Test
    void livenessAndReadinessProbesAreUp() {
        for (String probe : new String[] {"/actuator/health/liveness", "/actuator/health/readiness"}) {
            JsonNode health = http.get().uri(probe).exchange()
                    .expectStatus().isOk()
                    .returnResult(JsonNode.class).getResponseBody();
            assertThat(health.get("status").asString()).as(probe).isEqualTo("UP");
        }
    }
}
