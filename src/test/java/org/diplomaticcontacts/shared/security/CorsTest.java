package org.diplomaticcontacts.shared.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.diplomaticcontacts.support.Api;
import org.diplomaticcontacts.support.IntegrationTest;
import org.diplomaticcontacts.support.TestLogins;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

@IntegrationTest
@TestPropertySource(properties = {TestLogins.PASSWORD_PROPERTY,
        "diplomatic-contacts.security.write-origins=https://admin.example.org"})
class CorsTest {

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void connect() {
        api = new Api(port);
    }

    private Api.Reply preflight(String method, String origin, String requestHeaders) {
        Api.Call call = api.call("OPTIONS", "/api/v1/meetings").header("Origin", origin)
                .header("Access-Control-Request-Method", method);
        if (requestHeaders != null) {
            call.header("Access-Control-Request-Headers", requestHeaders);
        }
        return call.send();
    }

    @Test
    void anyWebPageMayReadTheRegistry() {
        Api.Reply reply = preflight("GET", "https://newsroom.example.com", null);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.header("Access-Control-Allow-Origin")).hasValueSatisfying(
                origin -> assertThat(origin).isIn("*", "https://newsroom.example.com"));
        assertThat(reply.header("Access-Control-Allow-Methods")).hasValueSatisfying(
                methods -> assertThat(methods).contains("GET"));

        Api.Reply read = api.get("/api/v1/meetings").header("Origin", "https://newsroom.example.com").send();
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("Access-Control-Allow-Origin")).isPresent();
    }

    @Test
    void aPageFromAnUnlistedOriginMayNotWrite() {
        Api.Reply reply = preflight("POST", "https://evil.example.com", "authorization,content-type");

        assertThat(reply.status() == 403 || reply.header("Access-Control-Allow-Origin").isEmpty())
                .as("refused preflight: %s %s", reply, reply.headers().map()).isTrue();
        assertThat(reply.header("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void aPageFromAListedOriginMayWriteWithTheHeadersAWriteNeeds() {
        Api.Reply reply = preflight("PUT", "https://admin.example.org", "authorization,content-type,if-match");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.header("Access-Control-Allow-Origin")).contains("https://admin.example.org");
        assertThat(reply.header("Access-Control-Allow-Methods")).hasValueSatisfying(
                methods -> assertThat(methods).contains("PUT"));
        assertThat(reply.header("Access-Control-Allow-Headers")).hasValueSatisfying(
                headers -> assertThat(headers.toLowerCase()).contains("authorization", "if-match"));

        Api.Reply post = preflight("POST", "https://admin.example.org", "authorization,content-type,idempotency-key");
        assertThat(post.status()).isEqualTo(200);
        assertThat(post.header("Access-Control-Allow-Origin")).contains("https://admin.example.org");
    }
}
