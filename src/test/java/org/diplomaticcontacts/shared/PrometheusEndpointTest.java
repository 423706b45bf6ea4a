package org.diplomaticcontacts.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.diplomaticcontacts.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Operators scrape request timings per endpoint and the connection pool from /actuator/prometheus. */
@IntegrationTest
class PrometheusEndpointTest {

    @Autowired
    RestTestClient http;

    @Test
    void exposesRequestTimingsPerEndpointAndPoolMetrics() {
        http.get().uri("/api/v1/countries/KZ").exchange().expectStatus().isOk();

        String metrics = http.get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .returnResult(String.class).getResponseBody();

        assertThat(metrics).contains("http_server_requests_seconds_count{")
                .contains("uri=\"/api/v1/countries/{code}\"")
                .contains("hikaricp_connections_active")
                .contains("hikaricp_connections_max");
    }

    /** Spring Security's per-filter observations cost every request and are switched off. */
    @Test
    void springSecurityFiltersAreNotObserved() {
        http.get().uri("/api/v1/countries/KZ").exchange().expectStatus().isOk();

        String metrics = http.get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .returnResult(String.class).getResponseBody();

        assertThat(metrics).contains("http_server_requests_seconds_count{")
                .doesNotContain("spring_security_filterchains")
                .doesNotContain("spring_security_authorizations");
    }
}
