package org.diplomaticcontacts.support;

import org.springframework.test.web.servlet.client.RestTestClient;

import tools.jackson.databind.JsonNode;

/** Reads for full-flow tests on Spring's {@code RestTestClient}: a GET that must answer 200, as JSON. */
public final class OkJson {

    private OkJson() {
    }

    public static JsonNode get(RestTestClient http, String uri, Object... variables) {
        return http.get().uri(uri, variables).exchange()
                .expectStatus().isOk()
                .returnResult(JsonNode.class).getResponseBody();
    }
}
