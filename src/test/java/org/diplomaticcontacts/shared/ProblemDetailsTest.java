package org.diplomaticcontacts.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.diplomaticcontacts.support.Api;
import org.diplomaticcontacts.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every error a client can cause is an RFC 9457 problem document with status, title and
 * detail, naming the field at fault where there is one, and never a 500.
 */
@IntegrationTest
@TestPropertySource(properties = "spring.security.user.password=problem-details-secret")
class ProblemDetailsTest {

    @Autowired
    RestTestClient http;

    @Autowired
    JsonMapper json;

    @LocalServerPort
    int port;

    /** Sends the request and checks the problem document every error shares. */
    private JsonNode problem(HttpMethod method, String uri, int status) {
        JsonNode problem = http.method(method).uri(uri).exchange()
                .expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .returnResult(JsonNode.class).getResponseBody();
        assertProblem(problem, status);
        return problem;
    }

    private JsonNode problem(String uri, int status) {
        return problem(HttpMethod.GET, uri, status);
    }

    private static void assertProblem(JsonNode problem, int status) {
        assertThat(problem).as("problem document").isNotNull();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("detail").asString()).isNotBlank();
    }

    private static List<String> fields(JsonNode problem) {
        assertThat(problem.get("errors")).as("errors list").isNotNull();
        return problem.get("errors").valueStream().map(error -> {
            assertThat(error.get("message").asString()).isNotBlank();
            return error.get("field").asString();
        }).toList();
    }

    @Test
    void anUnknownPathIsA404Problem() {
        problem("/api/v1/nothing-here", 404);
        problem("/no/such/page", 404);
    }

    @Test
    void aWrongMethodIsA405ProblemForAnAdmin() {
        for (HttpMethod method : List.of(HttpMethod.DELETE, HttpMethod.POST)) {
            JsonNode problem = http.method(method).uri("/api/v1/countries/LU")
                    .headers(headers -> headers.setBasicAuth("admin", "problem-details-secret"))
                    .exchange()
                    .expectStatus().isEqualTo(405)
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .returnResult(JsonNode.class).getResponseBody();
            assertProblem(problem, 405);
        }
    }

    @Test
    void aWriteWithoutLoginIsA401ProblemBeforeAnythingElse() {
        problem(HttpMethod.DELETE, "/api/v1/countries", 401);
    }

    @Test
    void anUnparsableIdIsA400NamingTheId() {
        assertThat(fields(problem("/api/v1/meetings/abc", 400))).containsExactly("id");
        assertThat(fields(problem("/api/v1/officials/1x", 400))).containsExactly("id");
        assertThat(fields(problem("/api/v1/organizations/99999999999999999999999", 400))).containsExactly("id");
    }

    @Test
    void anUnparsableDateIsA400NamingTheParameter() {
        assertThat(fields(problem("/api/v1/meetings?from=2019-13-45", 400))).containsExactly("from");
        assertThat(fields(problem("/api/v1/meetings?to=yesterday", 400))).containsExactly("to");
        assertThat(fields(problem("/api/v1/meetings?from=2019-02-29", 400))).containsExactly("from");
        assertThat(fields(problem("/api/v1/officials?at=2019", 400))).containsExactly("at");
    }

    @Test
    void aDayOutsideTheYears1To9999IsA400NamingTheParameter() {
        Api api = new Api(port);
        // sent as they are: "+" encoded once, as a client would
        for (String[] sent : new String[][] {{"/api/v1/meetings?to=%2B300000-01-15", "to"},
                {"/api/v1/meetings?from=-0001-01-01", "from"}, {"/api/v1/meetings?from=0000-01-01", "from"},
                {"/api/v1/meetings?from=0000-01-01&from=2019-01-01", "from"},
                {"/api/v1/officials?at=%2B6000000-01-01", "at"}}) {
            Api.Reply reply = api.get(sent[0]).send();
            assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
            assertThat(reply.errorFields()).as(reply.toString()).containsExactly(sent[1]);
        }
    }

    @Test
    void everyFilterOfTheWrongTypeIsNamedInOneProblem() {
        JsonNode problem = problem("/api/v1/meetings?official=abc&kind=PARTY&from=2019-13-45", 400);
        assertThat(fields(problem)).containsExactlyInAnyOrder("official", "kind", "from");
        assertThat(problem.get("detail").asString()).isEqualTo("3 fields are invalid");
    }

    @Test
    void anUnknownSortIsA400NamingSort() {
        assertThat(fields(problem("/api/v1/meetings?sort=banana", 400))).containsExactly("sort");
        assertThat(fields(problem("/api/v1/meetings?sort=date,sideways", 400))).containsExactly("sort");
    }

    @Test
    void aSortOfOnlyCommasIsA400NamingSort() {
        assertThat(fields(problem("/api/v1/meetings?sort=,", 400))).containsExactly("sort");
        assertThat(fields(problem("/api/v1/meetings?sort=,,", 400))).containsExactly("sort");
        assertThat(fields(problem("/api/v1/meetings?sort=,asc", 400))).containsExactly("sort");
    }

    @Test
    void anUnknownKindIsA400NamingKind() {
        assertThat(fields(problem("/api/v1/meetings?kind=PARTY", 400))).containsExactly("kind");
    }

    @Test
    void anUnknownCountryCodeInAFilterIsA400NamingTheFilter() {
        assertThat(fields(problem("/api/v1/meetings?country=XX", 400))).containsExactly("country");
        assertThat(fields(problem("/api/v1/meetings?counterpart=XXX", 400))).containsExactly("counterpart");
        assertThat(fields(problem("/api/v1/meetings?location=Luxembourg", 400))).containsExactly("location");
        assertThat(fields(problem("/api/v1/officials?country=XX", 400))).containsExactly("country");
        assertThat(fields(problem("/api/v1/organizations?country=XX", 400))).containsExactly("country");
    }

    @Test
    void anUnknownAreaCodeIsA400NamingArea() {
        assertThat(fields(problem("/api/v1/meetings?area=banking", 400))).containsExactly("area");
    }

    @Test
    void anUnknownOfficialOrOrganizationInAFilterIsA400NamingTheFilter() {
        assertThat(fields(problem("/api/v1/meetings?official=" + Long.MAX_VALUE, 400))).containsExactly("official");
        assertThat(fields(problem("/api/v1/meetings?organization=" + Long.MAX_VALUE, 400)))
                .containsExactly("organization");
        assertThat(fields(problem("/api/v1/meetings?official=abc", 400))).containsExactly("official");
    }

    @Test
    void unknownResourcesAre404Problems() {
        problem("/api/v1/meetings/" + Long.MAX_VALUE, 404);
        problem("/api/v1/meetings/0", 404);
        problem("/api/v1/meetings/-1", 404);
        problem("/api/v1/officials/" + Long.MAX_VALUE, 404);
        problem("/api/v1/organizations/" + Long.MAX_VALUE, 404);
        problem("/api/v1/countries/XX", 404);
        problem("/api/v1/cooperation-areas/banking", 404);
    }

    @Test
    void wordsLongerThan200CharactersAreA400NamingQ() {
        String tooLong = "a".repeat(201);
        assertThat(fields(problem("/api/v1/meetings?q=" + tooLong, 400))).containsExactly("q");
        assertThat(fields(problem("/api/v1/officials?q=" + tooLong, 400))).containsExactly("q");
        assertThat(fields(problem("/api/v1/organizations?q=" + tooLong, 400))).containsExactly("q");
        http.get().uri("/api/v1/meetings?q=" + "a".repeat(200)).exchange().expectStatus().isOk();
    }

    @Test
    void outOfRangePagesAre400Problems() {
        assertThat(fields(problem("/api/v1/meetings?page=-1", 400))).containsExactly("page");
        assertThat(fields(problem("/api/v1/meetings?size=abc", 400))).containsExactly("size");
        assertThat(fields(problem("/api/v1/meetings?page=99999999999", 400))).containsExactly("page");
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/html", "application/xml", "text/csv", "image/png"})
    void anErrorIsAProblemWhateverTheClientAccepts(String accept) {
        for (String uri : List.of("/api/v1/meetings/abc", "/api/v1/meetings/" + Long.MAX_VALUE,
                "/api/v1/nothing-here", "/api/v1/meetings?kind=PARTY")) {
            JsonNode problem = http.get().uri(uri).header("Accept", accept).exchange()
                    .expectStatus().value(status -> assertThat(status).as(uri).isBetween(400, 499))
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .returnResult(JsonNode.class).getResponseBody();
            assertThat(problem.get("status").asInt()).as(uri).isBetween(400, 499);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/meetings?q=%ZZ", "/api/v1/meetings?q=%", "/api/v1/meetings?q=%E0%A4%A",
            "/api/v1/meetings/%ZZ", "/api/v1/%E0%A4%A", "/api/v1/meetings?%ZZ=1", "/api/v1/meetings?q=%07",
            "/api/v1/meetings?q=a%00b"})
    void malformedPercentEncodingIsNeverA500AndAnErrorIsAProblem(String pathAndQuery)
            throws IOException {
        // Sent as raw bytes over a socket: URI builders refuse or re-encode a stray '%'.
        RawResponse response = rawGet(pathAndQuery);
        assertThat(response.status()).as(pathAndQuery).isLessThan(500);
        if (response.status() >= 400) {
            assertThat(response.contentType()).as(pathAndQuery).startsWith("application/problem+json");
            assertProblem(json.readTree(response.body()), response.status());
        }
    }

    private record RawResponse(int status, String contentType, String body) {
    }

    /** An HTTP/1.0 GET written byte for byte, so the response is neither chunked nor kept alive. */
    private RawResponse rawGet(String pathAndQuery) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + pathAndQuery + " HTTP/1.0\r\nHost: localhost\r\nAccept: */*\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int headersEnd = response.indexOf("\r\n\r\n");
            String head = headersEnd < 0 ? response : response.substring(0, headersEnd);
            String body = headersEnd < 0 ? "" : response.substring(headersEnd + 4);
            String[] lines = head.split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            String contentType = "";
            for (String line : lines) {
                if (line.toLowerCase(Locale.ROOT).startsWith("content-type:")) {
                    contentType = line.substring("content-type:".length()).strip();
                }
            }
            return new RawResponse(status, contentType, body);
        }
    }
}
