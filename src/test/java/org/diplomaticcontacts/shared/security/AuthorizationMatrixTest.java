package org.diplomaticcontacts.shared.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.assertj.core.api.SoftAssertions;
import org.diplomaticcontacts.support.Api;
import org.diplomaticcontacts.support.IntegrationTest;
import org.diplomaticcontacts.support.TestLogins;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Who may call what, for every handler the application maps: a new endpoint fails this test
 * until it is classified here as PUBLIC or ADMIN.
 */
@IntegrationTest
@TestPropertySource(properties = {TestLogins.PASSWORD_PROPERTY, TestLogins.JWT_PROPERTY,
        "diplomatic-contacts.security.max-failed-logins=100000"})
class AuthorizationMatrixTest {

    enum Access { PUBLIC, ADMIN }

    record Endpoint(String method, String pattern, Access access) {

        String key() {
            return method + " " + pattern;
        }

        /** The pattern with ids from the seed record filled in. */
        String concretePath() {
            String area = pattern.startsWith("/api/v1/cooperation-areas") ? "health" : "1";
            return pattern.replace("{code}", pattern.startsWith("/api/v1/countries") ? "LU" : area).replace("{id}", "1")
                    .replace("{other}", "KZ");
        }
    }

    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("GET", "/api/v1/countries", Access.PUBLIC),
            new Endpoint("GET", "/api/v1/countries/{code}", Access.PUBLIC),
            new Endpoint("GET", "/api/v1/countries/{code}/relations/{other}", Access.PUBLIC),
            new Endpoint("GET", "/api/v1/cooperation-areas", Access.PUBLIC),
            new Endpoint("GET", "/api/v1/cooperation-areas/{code}", Access.PUBLIC),
            new Endpoint("POST", "/api/v1/cooperation-areas", Access.ADMIN),
            new Endpoint("PUT", "/api/v1/cooperation-areas/{code}", Access.ADMIN),
            new Endpoint("DELETE", "/api/v1/cooperation-areas/{code}", Access.ADMIN),
            new Endpoint("GET", "/api/v1/organizations", Access.PUBLIC),
            new Endpoint("GET", "/api/v1/organizations/{id}", Access.PUBLIC),
            new Endpoint("POST", "/api/v1/organizations", Access.ADMIN),
            new Endpoint("PUT", "/api/v1/organizations/{id}", Access.ADMIN),
            new Endpoint("DELETE", "/api/v1/organizations/{id}", Access.ADMIN),
            new Endpoint("GET", "/api/v1/officials", Access.PUBLIC),
            new Endpoint("GET", "/api/v1/officials/{id}", Access.PUBLIC),
            new Endpoint("GET", "/api/v1/officials/{id}/history", Access.PUBLIC),
            new Endpoint("GET", "/api/v1/officials/{id}/meetings", Access.PUBLIC),
            new Endpoint("POST", "/api/v1/officials", Access.ADMIN),
            new Endpoint("PUT", "/api/v1/officials/{id}", Access.ADMIN),
            new Endpoint("DELETE", "/api/v1/officials/{id}", Access.ADMIN),
            new Endpoint("GET", "/api/v1/meetings", Access.PUBLIC),
            new Endpoint("GET", "/api/v1/meetings/{id}", Access.PUBLIC),
            new Endpoint("GET", "/api/v1/meetings/{id}/history", Access.PUBLIC),
            new Endpoint("POST", "/api/v1/meetings", Access.ADMIN),
            new Endpoint("PUT", "/api/v1/meetings/{id}", Access.ADMIN),
            new Endpoint("DELETE", "/api/v1/meetings/{id}", Access.ADMIN),
            new Endpoint("POST", "/api/v1/imports", Access.ADMIN),
            new Endpoint("POST", "/api/v1/imports/history-state-gov", Access.ADMIN));

    /** The caller kinds every endpoint is tried with. */
    enum Caller {
        ANONYMOUS(null),
        WRONG_BASIC_PASSWORD(TestLogins.basic(TestLogins.ADMIN, "not-the-password")),
        ADMIN_BASIC(TestLogins.adminBasic()),
        ADMIN_JWT(null),
        READER_JWT(null);

        private final String fixedAuthorization;

        Caller(String fixedAuthorization) {
            this.fixedAuthorization = fixedAuthorization;
        }

        String authorization() {
            return switch (this) {
                case ADMIN_JWT -> TestLogins.adminJwt();
                case READER_JWT -> TestLogins.readerJwt();
                default -> fixedAuthorization;
            };
        }
    }

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlerMapping;

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void connect() {
        api = new Api(port);
    }

    @Test
    void everyMappedHandlerIsClassifiedAsPublicOrAdminAndEveryClassifiedOneExists() {
        Set<String> mapped = new TreeSet<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : handlerMapping.getHandlerMethods().entrySet()) {
            String owner = entry.getValue().getBeanType().getName();
            if (!owner.startsWith("org.diplomaticcontacts.")) {
                continue; // springdoc and the like: not the registry's API
            }
            Set<String> patterns = entry.getKey().getPatternValues();
            if (patterns.equals(Set.of("/error"))) {
                continue; // the error page answers any method; it is not an endpoint of its own
            }
            var methods = entry.getKey().getMethodsCondition().getMethods();
            assertThat(methods).as("handler %s must declare its HTTP method", entry.getValue()).isNotEmpty();
            for (var method : methods) {
                patterns.forEach(pattern -> mapped.add(method.name() + " " + pattern));
            }
        }
        Set<String> classified = new TreeSet<>();
        ENDPOINTS.forEach(endpoint -> classified.add(endpoint.key()));

        assertThat(mapped)
                .as("handlers not classified in AuthorizationMatrixTest.ENDPOINTS (add them as PUBLIC or ADMIN)")
                .isSubsetOf(classified);
        assertThat(classified).as("classified endpoints that no handler maps any more").isSubsetOf(mapped);
    }

    @Test
    void publicReadsAreNeverRefusedWhateverCredentialsComeWithThem() {
        SoftAssertions softly = new SoftAssertions();
        for (Endpoint endpoint : ENDPOINTS) {
            if (endpoint.access() != Access.PUBLIC) {
                continue;
            }
            for (Caller caller : Caller.values()) {
                Api.Reply reply = send(endpoint, caller);
                softly.assertThat(reply.status()).as("%s as %s: %s", endpoint.key(), caller, reply)
                        .isNotIn(401, 403).isLessThan(500);
            }
        }
        softly.assertAll();
    }

    @Test
    void writesNeedAnAdminByBasicOrJwtAndRefuseEveryoneElseWithAProblemAndAChallenge() {
        SoftAssertions softly = new SoftAssertions();
        for (Endpoint endpoint : ENDPOINTS) {
            if (endpoint.access() != Access.ADMIN) {
                continue;
            }
            for (Caller caller : Caller.values()) {
                Api.Reply reply = send(endpoint, caller);
                String what = endpoint.key() + " as " + caller + ": " + reply;
                switch (caller) {
                    case ANONYMOUS, WRONG_BASIC_PASSWORD -> softly.assertThat(reply.status()).as(what).isEqualTo(401);
                    case READER_JWT -> softly.assertThat(reply.status()).as(what).isEqualTo(403);
                    case ADMIN_BASIC, ADMIN_JWT -> softly.assertThat(reply.status()).as(what)
                            .isNotIn(401, 403).isLessThan(500);
                }
                if (reply.status() == 401 || reply.status() == 403) {
                    softly.assertThat(reply.isProblem()).as("problem+json: " + what).isTrue();
                    softly.assertThat(reply.json().get("status").asInt()).as(what).isEqualTo(reply.status());
                    softly.assertThat(reply.allHeaders("WWW-Authenticate")).as("challenge: " + what).isNotEmpty();
                }
            }
        }
        softly.assertAll();
    }

    @Test
    void anExpiredAdminTokenIsRefusedForWritesWithAnInvalidTokenChallenge() {
        Api.Reply reply = api.post("/api/v1/meetings").header("Authorization", TestLogins.expiredAdminJwt())
                .json("{}").send();

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.isProblem()).isTrue();
        assertThat(reply.allHeaders("WWW-Authenticate")).anyMatch(challenge -> challenge.startsWith("Bearer"));
    }

    /** Writes carry no If-Match and an empty body: an admin gets 400/428, so nothing changes. */
    private Api.Reply send(Endpoint endpoint, Caller caller) {
        Api.Call call = api.call(endpoint.method(), endpoint.concretePath());
        String authorization = caller.authorization();
        if (authorization != null) {
            call.header("Authorization", authorization);
        }
        if (endpoint.method().equals("POST") || endpoint.method().equals("PUT")) {
            call.json("{}");
        }
        return call.send();
    }

}
