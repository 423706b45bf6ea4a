package org.diplomaticcontacts.shared.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.diplomaticcontacts.support.Api;
import org.diplomaticcontacts.support.IntegrationTest;
import org.diplomaticcontacts.support.TestLogins;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

@IntegrationTest
@TestPropertySource(properties = {TestLogins.PASSWORD_PROPERTY, "diplomatic-contacts.security.max-failed-logins=3",
        "diplomatic-contacts.security.failed-login-window=5m"})
class LoginThrottleTest {

    @LocalServerPort
    int port;

    @Test
    void afterThreeWrongPasswordsTheNextLoginIsRefusedWith429AndRetryAfterWhileReadsGoOn() {
        Api api = new Api(port);
        String wrong = TestLogins.basic(TestLogins.ADMIN, "guess");
        for (int attempt = 1; attempt <= 3; attempt++) {
            Api.Reply reply = api.post("/api/v1/cooperation-areas").header("Authorization", wrong)
                    .json("{\"code\":\"x\",\"name\":\"X\"}").send();
            assertThat(reply.status()).as("attempt %d: %s", attempt, reply).isEqualTo(401);
        }

        Api.Reply throttled = api.post("/api/v1/cooperation-areas").admin()
                .json("{\"code\":\"throttled\",\"name\":\"Throttled\"}").send();

        assertThat(throttled.status()).as(throttled.toString()).isEqualTo(429);
        assertThat(throttled.isProblem()).isTrue();
        assertThat(throttled.json().get("status").asInt()).isEqualTo(429);
        assertThat(throttled.header("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 300L));
        assertThat(api.get("/api/v1/cooperation-areas/throttled").send().status())
                .as("the throttled write did not happen").isEqualTo(404);

        Api.Reply anonymousRead = api.get("/api/v1/meetings").send();
        assertThat(anonymousRead.status()).isEqualTo(200);
        assertThat(api.get("/api/v1/countries/LU").send().status()).isEqualTo(200);
        assertThat(api.get("/api/v1/countries/LU").admin().send().status())
                .as("reads ignore credentials, so a throttled client's credentials do not stop its reads")
                .isEqualTo(200);
    }
}
