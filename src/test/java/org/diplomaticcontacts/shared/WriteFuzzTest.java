package org.diplomaticcontacts.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import org.diplomaticcontacts.support.Api;
import org.diplomaticcontacts.support.RunningApplication;
import org.diplomaticcontacts.support.TestLogins;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Random and mutated input from an admin: whatever comes in, the service never answers 5xx,
 * every refusal is a problem document, and a refused request writes nothing.
 */
class WriteFuzzTest {

    private static final String VALID_MEETING = BadInputTest.VALID_MEETING;
    private static final String VALID_OFFICIAL = """
            {"fullName": "Fuzz Official", "aliases": ["Official, Fuzz"], "countryCode": "LU",
             "positions": [{"title": "Minister", "organizationId": 1, "startDate": "2010-01-01",
              "endDate": "2015-12-31"}]}""";

    private static RunningApplication application;
    private static Api api;

    @BeforeContainer
    static void start() {
        application = RunningApplication.start(TestLogins.PASSWORD_PROPERTY,
                "diplomatic-contacts.security.max-failed-logins=100000", "logging.level.root=WARN");
        api = new Api(application.port());
    }

    @AfterContainer
    static void stop() {
        if (application != null) {
            application.close();
        }
    }

    // ---- properties ----------------------------------------------------------------------

    @Property(tries = 1200)
    void mutatedMeetingsAreCreatedOrRefusedCleanly(
            @ForAll("meetingMutations") List<Tuple.Tuple2<String, String>> mutations) {
        String body = mutate(VALID_MEETING, mutations);
        checkWrite(api.post("/api/v1/meetings").admin().json(body), body);
    }

    @Property(tries = 600)
    void mutatedOfficialsAreCreatedOrRefusedCleanly(
            @ForAll("officialMutations") List<Tuple.Tuple2<String, String>> mutations) {
        String body = mutate(VALID_OFFICIAL, mutations);
        checkWrite(api.post("/api/v1/officials").admin().json(body), body);
    }

    @Property(tries = 600)
    void arbitraryBodiesToAnyWriteEndpointNeverFailOnTheServer(@ForAll("writeTargets") String target,
            @ForAll("anyBody") String body, @ForAll("ifMatch") String ifMatch) {
        String[] methodAndPath = target.split(" ", 2);
        Api.Call call = api.call(methodAndPath[0], methodAndPath[1]).admin().json(body);
        if (!ifMatch.isEmpty()) {
            call.header("If-Match", ifMatch);
        }
        checkWrite(call, target + " " + body);
    }

    @Property(tries = 800)
    void randomQueriesNeverFailOnTheServer(@ForAll("listPaths") String path,
            @ForAll("queryParameters") Map<String, String> parameters) {
        String query = parameters.entrySet().stream()
                .map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
                .collect(Collectors.joining("&"));
        Api.Reply reply = api.get(path + "?" + query).send();
        Statistics.collect(reply.status());

        assertThat(reply.status()).as("%s?%s -> %s", path, query, reply).isLessThan(500);
        if (reply.status() >= 400) {
            assertThat(reply.isProblem()).as("%s?%s -> %s", path, query, reply).isTrue();
        }
        else {
            assertThat(reply.status()).isEqualTo(200);
        }
    }

    private static void checkWrite(Api.Call call, String sent) {
        String before = rowCounts();
        Api.Reply reply = call.send();
        Statistics.collect(reply.status());
        assertThat(reply.status()).as("%s -> %s", sent, reply).isLessThan(500);
        if (reply.status() >= 400) {
            assertThat(reply.isProblem()).as("%s -> %s", sent, reply).isTrue();
            assertThat(reply.json().get("status").asInt()).isEqualTo(reply.status());
            assertThat(rowCounts()).as("a refused request wrote something: %s -> %s", sent, reply).isEqualTo(before);
        }
    }

    private static String rowCounts() {
        return application.jdbc().sql("""
                select concat_ws(',', (select count(*) from meetings), (select count(*) from meeting_participants),
                  (select count(*) from meeting_cooperation_areas), (select count(*) from meeting_outcomes),
                  (select count(*) from meeting_sources), (select count(*) from meeting_relations),
                  (select count(*) from officials), (select count(*) from official_aliases),
                  (select count(*) from positions), (select count(*) from organizations),
                  (select count(*) from cooperation_areas), (select count(*) from change_history),
                  (select sum(version) from meetings), (select sum(version) from officials),
                  (select sum(version) from organizations), (select sum(version) from cooperation_areas))""")
                .query(String.class).single();
    }

    // ---- mutation of a valid body --------------------------------------------------------

    /** Applies (path, JSON value) pairs; the value "<remove>" removes the field. */
    private static String mutate(String valid, List<Tuple.Tuple2<String, String>> mutations) {
        ObjectNode root = (ObjectNode) Api.JSON.readTree(valid);
        for (Tuple.Tuple2<String, String> mutation : mutations) {
            String[] steps = mutation.get1().split("\\.");
            JsonNode parent = root;
            for (int step = 0; step < steps.length - 1 && parent != null; step++) {
                parent = child(parent, steps[step]);
            }
            if (parent instanceof ObjectNode object) {
                String field = steps[steps.length - 1];
                if (mutation.get2().equals("<remove>")) {
                    object.remove(field);
                }
                else {
                    object.set(field, Api.JSON.readTree(mutation.get2()));
                }
            }
        }
        return Api.JSON.writeValueAsString(root);
    }

    private static JsonNode child(JsonNode node, String step) {
        if (step.endsWith("]")) {
            String name = step.substring(0, step.indexOf('['));
            int index = Integer.parseInt(step.substring(step.indexOf('[') + 1, step.length() - 1));
            JsonNode array = node.get(name);
            return array instanceof ArrayNode list && list.size() > index ? list.get(index) : null;
        }
        return node.get(step);
    }

    @Provide
    Arbitrary<List<Tuple.Tuple2<String, String>>> meetingMutations() {
        Arbitrary<String> paths = Arbitraries.of("kind", "title", "summary", "date", "location", "location.city",
                "location.countryCode", "participants", "participants[0].officialId", "participants[0].role",
                "participants[0].countryCode", "participants[1].officialId", "cooperationAreas", "outcomes",
                "outcomes[0].type", "outcomes[0].description", "sources", "sources[0].url", "sources[0].publishedOn",
                "sources[0].publisher", "relatedMeetingIds", "id", "version", "dateStart", "unexpected");
        return Combinators.combine(paths, mutationValue()).as(Tuple::of).list().ofMinSize(1).ofMaxSize(4);
    }

    @Provide
    Arbitrary<List<Tuple.Tuple2<String, String>>> officialMutations() {
        Arbitrary<String> paths = Arbitraries.of("fullName", "aliases", "countryCode", "positions",
                "positions[0].title", "positions[0].organizationId", "positions[0].startDate", "positions[0].endDate",
                "id", "version", "unexpected");
        return Combinators.combine(paths, mutationValue()).as(Tuple::of).list().ofMinSize(1).ofMaxSize(4);
    }

    private Arbitrary<String> mutationValue() {
        return Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just("<remove>")),
                Tuple.of(4, domainValue().map(Api.JSON::writeValueAsString)),
                Tuple.of(1, Arbitraries.longs().map(String::valueOf)),
                Tuple.of(1, Arbitraries.of("1", "2", "3", "4", "0", "-1", "9223372036854775807", "1e400", "1.5")),
                Tuple.of(3, json(2)));
    }

    /** Strings near what fields expect: dates, intervals, codes, URLs, kinds, odd text. */
    private Arbitrary<String> domainValue() {
        Arbitrary<Integer> year = Arbitraries.integers().between(-1, 10000);
        Arbitrary<Integer> month = Arbitraries.integers().between(0, 13);
        Arbitrary<Integer> day = Arbitraries.integers().between(0, 32);
        Arbitrary<String> date = Combinators.combine(year, month, day)
                .as((y, m, d) -> String.format("%04d-%02d-%02d", y, m, d));
        Arbitrary<String> partial = Combinators.combine(year, month).as((y, m) -> y + "-" + String.format("%02d", m));
        Arbitrary<String> interval = Combinators.combine(Arbitraries.oneOf(date, partial, year.map(String::valueOf)),
                Arbitraries.oneOf(date, partial, year.map(String::valueOf))).as((a, b) -> a + "/" + b);
        return Arbitraries.oneOf(date, partial, interval, year.map(String::valueOf),
                Arbitraries.of("MEETING", "TALKS", "VISIT", "CALL", "meeting", "AGREEMENT", "OTHER", "", " ", "null",
                        "LU", "KZ", "lux", "kaz", "XX", "ZZZ", "health", "telemedicine", "no-such", "HEALTH",
                        "https://example.org/x", "http://a", "javascript:alert(1)", "ftp://x.org", "//x.org",
                        "https://", "https://x.org/\u0000", "data:text/html,x", "\u0000", "'; drop table meetings; --",
                        "%", "_", "\\", "Étienne", "Куспан", "😀", "2019-02-29", "2020-02-29", "2018-12-06/2019-03-21",
                        "../..", "<script>"),
                Arbitraries.strings().all().ofMaxLength(30),
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(490).ofMaxLength(2100));
    }

    /** Any JSON value, nested up to {@code depth}. */
    private Arbitrary<String> json(int depth) {
        Arbitrary<String> scalar = Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(20).map(Api.JSON::writeValueAsString),
                Arbitraries.integers().map(String::valueOf),
                Arbitraries.doubles().map(String::valueOf),
                Arbitraries.of("true", "false", "null", "\"\"", "[]", "{}"));
        if (depth == 0) {
            return scalar;
        }
        Arbitrary<String> array = json(depth - 1).list().ofMaxSize(3).map(items -> "[" + String.join(",", items) + "]");
        Arbitrary<String> object = Combinators.combine(
                Arbitraries.of("kind", "title", "date", "officialId", "code", "name", "x", "id").list().ofMaxSize(3),
                json(depth - 1).list().ofSize(3))
                .as((names, values) -> {
                    StringBuilder text = new StringBuilder("{");
                    for (int index = 0; index < names.size(); index++) {
                        text.append(index == 0 ? "" : ",").append('"').append(names.get(index)).append("\":")
                                .append(values.get(index));
                    }
                    return text.append('}').toString();
                })
                .filter(text -> { // duplicate names are a different test: keep the document valid
                    try {
                        Api.JSON.readTree(text);
                        return true;
                    }
                    catch (RuntimeException duplicate) {
                        return false;
                    }
                });
        return Arbitraries.frequencyOf(Tuple.of(4, scalar), Tuple.of(1, array), Tuple.of(1, object));
    }

    // ---- arbitrary bodies ----------------------------------------------------------------

    @Provide
    Arbitrary<String> writeTargets() {
        return Arbitraries.of("POST /api/v1/meetings", "POST /api/v1/officials", "POST /api/v1/organizations",
                "POST /api/v1/cooperation-areas", "PUT /api/v1/meetings/2", "PUT /api/v1/officials/2",
                "PUT /api/v1/organizations/2", "PUT /api/v1/cooperation-areas/finance", "DELETE /api/v1/meetings/999",
                "PUT /api/v1/meetings/abc", "PUT /api/v1/meetings/99999999999999999999");
    }

    @Provide
    Arbitrary<String> anyBody() {
        return Arbitraries.oneOf(
                json(3),
                Arbitraries.strings().all().ofMaxLength(60),
                Arbitraries.of("{", "}", "{\"kind\":", "[", "{\"a\":1,\"a\":2}", "\uFEFF{}", "{\"title\":\"x\"}garbage",
                        "{\"kind\":\"MEETING\",\"title\":\"x\",\"date\":\"2019\","
                                + "\"participants\":[{\"officialId\":1}]}",
                        "{\"fullName\":\"Fuzz\"}", "{\"name\":\"Fuzz\",\"kind\":\"AGENCY\"}",
                        "{\"code\":\"fuzz\",\"name\":\"Fuzz\"}", "{\"name\":\"Fuzz\",\"parentCode\":\"finance\"}",
                        "{\"name\":\"Fuzz\",\"parentId\":2}",
                        "{\"name\":\"Fuzz\",\"kind\":\"PARLIAMENT\",\"parentId\":-1}"));
    }

    @Provide
    Arbitrary<String> ifMatch() {
        return Arbitraries.of("", "*", "\"0\"", "\"1\"", "W/\"0\"", "abc", "\"\"", "\"99999999999999999999\"", " ");
    }

    // ---- queries -------------------------------------------------------------------------

    @Provide
    Arbitrary<String> listPaths() {
        return Arbitraries.of("/api/v1/meetings", "/api/v1/officials", "/api/v1/organizations",
                "/api/v1/officials/1/meetings", "/api/v1/countries");
    }

    @Provide
    Arbitrary<Map<String, String>> queryParameters() {
        Arbitrary<String> names = Arbitraries.of("country", "counterpart", "official", "organization", "area",
                "location", "kind", "from", "to", "q", "page", "size", "sort", "position", "at", "unknown");
        Arbitrary<String> values = Arbitraries.oneOf(domainValue(),
                Arbitraries.integers().map(String::valueOf),
                Arbitraries.of("-1", "0", "100", "101", "2147483648", "date", "-date", "date,asc", "title,desc",
                        "2019-05-02", "2019-13-01", "", "%", "%%", "_", "a b", "etienne"));
        return Arbitraries.maps(names, values).ofMaxSize(5);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
