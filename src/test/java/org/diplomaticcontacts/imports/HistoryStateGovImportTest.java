package org.diplomaticcontacts.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.diplomaticcontacts.support.IntegrationTest;
import org.diplomaticcontacts.support.SharedData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import tools.jackson.databind.JsonNode;

/**
 * Every shared history.state.gov file, imported through HTTP. Expected counts come from reading
 * the files here with DOM, independently of the importer's StAX reader.
 */
@IntegrationTest
@TestPropertySource(properties = {"spring.security.user.password=test-secret",
        "diplomatic-contacts.limits.import-body=2MB"})
class HistoryStateGovImportTest {

    private static final Path DATA = SharedData.folder("history-state-gov");
    private static boolean imported;

    @Autowired
    RestTestClient http;

    @Autowired
    JdbcTemplate jdbc;

    static List<Path> files() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String folder : List.of("visits", "travels/president-travels", "travels/secretary-travels")) {
            try (Stream<Path> list = Files.list(DATA.resolve(folder))) {
                list.filter(file -> file.toString().endsWith(".xml")).sorted().forEach(files::add);
            }
        }
        return files;
    }

    private RestTestClient.ResponseSpec post(byte[] body) {
        return http.post().uri("/api/v1/imports/history-state-gov")
                .headers(headers -> headers.setBasicAuth("admin", "test-secret"))
                .contentType(MediaType.APPLICATION_XML).body(body).exchange();
    }

    private JsonNode importFile(Path file) throws IOException {
        return post(Files.readAllBytes(file)).expectStatus().isOk().returnResult(JsonNode.class).getResponseBody();
    }

    @BeforeEach
    void importEverythingOnce() throws IOException {
        if (imported) {
            return;
        }
        long started = System.nanoTime();
        int created = 0;
        for (Path file : files()) {
            JsonNode report = importFile(file);
            assertThat(report.get("rejected").size()).as(file.toString()).isZero();
            created += report.get("created").asInt();
        }
        System.out.printf("Imported all HSG files in %d ms%n", (System.nanoTime() - started) / 1_000_000);
        assertThat(created).isEqualTo(6870);
        imported = true;
    }

    private long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }

    private static Document dom(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setExpandEntityReferences(false);
        return factory.newDocumentBuilder().parse(file.toFile());
    }

    private static String text(Element record, String tag) {
        return record.getElementsByTagName(tag).item(0).getTextContent().replaceAll("\\s+", " ").strip();
    }

    private static String fold(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", " ").strip();
    }

    @Test
    void everyRecordBecomesOneMeetingWithItsPublisherId() throws Exception {
        Set<String> expected = new HashSet<>();
        for (Path file : files()) {
            Document document = dom(file);
            boolean visits = document.getDocumentElement().getTagName().equals("visits");
            NodeList records = document.getElementsByTagName(visits ? "visit" : "trip");
            for (int index = 0; index < records.getLength(); index++) {
                expected.add((visits ? "hsg-visit:" : "hsg-trip:") + text((Element) records.item(index), "id"));
            }
        }
        assertThat(expected).hasSize(6870);
        assertThat(count("select count(*) from meetings where external_id like 'hsg-%'")).isEqualTo(6870);
        assertThat(count("select count(*) from meetings where external_id like 'hsg-visit:%'")).isEqualTo(2988);
        assertThat(count("select count(*) from meetings where external_id like 'hsg-trip:%'")).isEqualTo(3882);
        assertThat(new HashSet<>(jdbc.queryForList("select external_id from meetings where external_id like 'hsg-%'",
                String.class))).isEqualTo(expected);
    }

    @Test
    void travellersAreOneOfficialEachAndEveryVisitorIsAnOfficial() throws Exception {
        Set<String> travellers = new HashSet<>();
        int visitorTexts = 0;
        for (Path file : files()) {
            Document document = dom(file);
            NodeList trips = document.getElementsByTagName("trip");
            for (int index = 0; index < trips.getLength(); index++) {
                travellers.add(fold(text((Element) trips.item(index), "name")));
            }
            visitorTexts += document.getElementsByTagName("visitor").getLength();
        }
        long travellerOfficials = count("""
                select count(distinct p.official_id) from meeting_participants p join meetings m on m.id = p.meeting_id
                where m.external_id like 'hsg-trip:%'""");
        assertThat(travellerOfficials).isEqualTo(travellers.size());
        // a visit has at least one visitor participant, and five texts name two people
        long visitorParticipants = count("""
                select count(*) from meeting_participants p join meetings m on m.id = p.meeting_id
                where m.external_id like 'hsg-visit:%'""");
        assertThat(visitorParticipants).isEqualTo(visitorTexts + 4);
        long officials = count("select count(*) from officials where external_id like 'hsg-person:%'");
        Set<String> visitors = visitorKeys();
        assertThat(officials).isEqualTo(travellers.size() + visitors.size());
        System.out.printf("officials: %d, of whom travellers: %d%n", officials, travellers.size());
    }

    /** Words that make up the publisher's titles and honorifics, as a vocabulary (the importer uses phrases). */
    private static final Set<String> TITLE_WORDS = Set.of(("President President-elect President-Elect "
            + "President-designate Prime Minister Acting Interim Provisional Vice Deputy Chancellor Chancellor-elect "
            + "Federal Governor General Grand Duchess Duke Crown Prince Princess "
            + "Premier Amir Emir Shah Emperor Empress "
            + "Sultan Queen King Regent Chairman Taoiseach Foreign Pope Sheikh Junta Member First Secretary Brigadier "
            + "Lieutenant Chief Head of the State Presidency Secretary-General").split(" "));

    /**
     * The visitors as people, worked out independently of the importer: the words of a title
     * dropped from the front, texts joined by "and"/";" split when every part names someone, names
     * folded, a one-word name qualified by its country.
     */
    private static Set<String> visitorKeys() throws Exception {
        java.util.Map<String, String> slugs = new java.util.HashMap<>();
        java.util.regex.Matcher row = java.util.regex.Pattern.compile("\\('([a-z-]+)', '([A-Z]{2})'\\)")
                .matcher(Files.readString(
                        Path.of("src/main/resources/db/migration/V11__insert_hsg_country_slugs.sql")));
        while (row.find()) {
            slugs.put(row.group(1), row.group(2));
        }
        Set<String> keys = new HashSet<>();
        for (Path file : files()) {
            NodeList visits = dom(file).getElementsByTagName("visit");
            for (int index = 0; index < visits.getLength(); index++) {
                Element visit = (Element) visits.item(index);
                String text = text(visit, "visitor").replace("- ", "-");
                Element from = (Element) visit.getElementsByTagName("from").item(0);
                String country = switch (from.getTextContent().strip()) {
                    case "U.S.S.R." -> "su";
                    case "Serbia and Montenegro" -> "xs";
                    default -> slugs.get(from.getAttribute("id")).toLowerCase(Locale.ROOT);
                };
                List<String> names = new ArrayList<>();
                for (String part : text.split("\\s*;\\s*|\\s+and\\s+")) {
                    String[] words = part.split(" ");
                    int first = 0;
                    while (first < words.length && TITLE_WORDS.contains(words[first])) {
                        first++;
                    }
                    names.add(String.join(" ", Arrays.copyOfRange(words, first, words.length)));
                }
                if (names.contains("")) {
                    names.removeIf(String::isEmpty);
                }
                for (String name : names.isEmpty() ? List.of(text) : names) {
                    String key = fold(name).replace(' ', '-');
                    keys.add(key.contains("-") ? key : key + "-" + country);
                }
            }
        }
        return keys;
    }

    @Test
    void countriesUsedAreThePublishersSlugsResolvedWithFormerStates() throws Exception {
        Set<String> slugs = new HashSet<>();
        for (Path file : files()) {
            Document document = dom(file);
            for (String tag : List.of("from", "country")) {
                NodeList elements = document.getElementsByTagName(tag);
                for (int index = 0; index < elements.getLength(); index++) {
                    slugs.add(((Element) elements.item(index)).getAttribute("id"));
                }
            }
        }
        assertThat(slugs).hasSize(203);
        // four pairs of slugs name one country (congo-kinshasa, west-bank, korea, czech-republic);
        // 'U.S.S.R.' under russia and 'Serbia and Montenegro' under serbia add SU and XS; US is the host
        long used = count("""
                select count(*) from (select location_country from meetings where external_id like 'hsg-%'
                                      union select country_code from meeting_participants) c""");
        assertThat(used).isEqualTo(203 - 4 + 2 + 1);
    }

    @Test
    void aVisitWithTwoVisitorsHasTwoParticipants() {
        List<String> roles = jdbc.queryForList("""
                select p.role || ' ' || o.full_name || ' [' || p.country_code || ']'
                from meeting_participants p join officials o on o.id = p.official_id
                join meetings m on m.id = p.meeting_id
                where m.title like 'Visit of President Francesco Cossiga and Prime Minister Giulio Andreotti%'
                order by p.list_index""", String.class);
        assertThat(roles).containsExactly("President Francesco Cossiga [IT]", "Prime Minister Giulio Andreotti [IT]");
    }

    @Test
    void junckerSpelledTwoWaysIsOneOfficialWithAnAlias() {
        assertThat(jdbc.queryForList("select full_name from officials where full_name like '%Juncker%'", String.class))
                .containsExactly("Jean-Claude Juncker");
        assertThat(jdbc.queryForList("""
                select a.alias from official_aliases a join officials o on o.id = a.official_id
                where o.full_name = 'Jean-Claude Juncker'""", String.class)).containsExactly("Jean Claude Juncker");
        assertThat(count("""
                select count(*) from meeting_participants p join officials o on o.id = p.official_id
                where o.full_name = 'Jean-Claude Juncker'""")).isEqualTo(8);
    }

    @Test
    void aVisitFromTheSovietUnionIsFromSu() {
        assertThat(jdbc.queryForList("""
                select p.country_code from meeting_participants p join officials o on o.id = p.official_id
                where o.full_name = 'Leonid I. Brezhnev'""", String.class)).containsOnly("SU");
        // the publisher still writes "U.S.S.R." for Baker's Moscow trips of early 1992: the state had ended
        assertThat(jdbc.queryForList("select location_country from meetings where external_id in "
                + "('hsg-trip:2864', 'hsg-trip:459', 'hsg-trip:469') order by external_id", String.class))
                .containsExactly("SU", "RU", "RU");
        JsonNode soviet = http.get().uri("/api/v1/countries/SU").exchange().expectStatus().isOk()
                .returnResult(JsonNode.class).getResponseBody();
        assertThat(soviet.get("former").asBoolean()).isTrue();
        assertThat(soviet.get("iso3166_3").asString()).isEqualTo("SUHH");
        JsonNode meetings = http.get().uri("/api/v1/meetings?country=SU&counterpart=US&size=1").exchange()
                .expectStatus().isOk().returnResult(JsonNode.class).getResponseBody();
        assertThat(meetings.at("/page/totalElements").asLong()).isGreaterThan(40);
    }

    @Test
    void aTripTakesPlaceInItsCountryAndTrimmedLocale() {
        // trip 2614's locale is broken over two lines with an indented continuation
        assertThat(jdbc.queryForObject("select location_city from meetings where external_id = 'hsg-trip:2614'",
                String.class))
                .isEqualTo("Frankfurt, Ramstein Air Force Base, Spangdahlem Air Force Base, Bonn, Ingelheim");
        assertThat(count("select count(*) from meetings where location_city <> btrim(location_city) "
                + "or location_city like '%  %' or location_city like '% ,%'")).isZero();
        JsonNode meeting = http.get().uri("/api/v1/meetings?q=Vladivostok&kind=VISIT&to=1990-12-31&size=5").exchange()
                .expectStatus().isOk().returnResult(JsonNode.class).getResponseBody();
        assertThat(meeting.at("/content/0/location/countryCode").asString()).isEqualTo("SU");
        assertThat(meeting.at("/content/0/location/city").asString()).isEqualTo("Vladivostok");
        assertThat(meeting.at("/content/0/sources/0/url").asString())
                .startsWith("https://history.state.gov/departmenthistory/travels/");
    }

    @Test
    void importingTheSameFilesAgainChangesNothing() throws IOException {
        long history = count("select count(*) from change_history");
        for (Path file : files()) {
            JsonNode report = importFile(file);
            assertThat(report.get("created").asInt()).isZero();
            assertThat(report.get("updated").asInt()).isZero();
            assertThat(report.at("/officials/created").asInt()).isZero();
            assertThat(report.at("/officials/updated").asInt()).isZero();
        }
        assertThat(count("select count(*) from change_history")).isEqualTo(history);
        assertThat(count("select count(*) from meetings where external_id like 'hsg-%'")).isEqualTo(6870);
    }

    @Test
    void aCorrectedRecordIsUpdatedAndTracedThenRestored() {
        String visit = """
                <visits><visit><id>751</id><start-date>1990-01-10</start-date><end-date>1990-01-12</end-date>
                <visitor>Prime Minister Anibal Antonio Cavaco e Silva</visitor><from id="portugal">Portugal</from>
                <description>%s</description><created-by/><created-datetime/></visit></visits>""";
        JsonNode corrected = post(visit.formatted("Official working visit.").getBytes()).expectStatus().isOk()
                .returnResult(JsonNode.class).getResponseBody();
        assertThat(corrected.get("updated").asInt()).isEqualTo(1);
        assertThat(corrected.get("created").asInt()).isZero();
        long id = count("select id from meetings where external_id = 'hsg-visit:751'");
        assertThat(jdbc.queryForObject("select summary from meetings where id = ?", String.class, id))
                .isEqualTo("Official working visit.");
        JsonNode history = http.get().uri("/api/v1/meetings/" + id + "/history").exchange().expectStatus().isOk()
                .returnResult(JsonNode.class).getResponseBody();
        assertThat(history.valueStream().map(entry -> entry.get("action").asString()).toList())
                .containsExactly("CREATE", "UPDATE");
        JsonNode restored = post(visit.formatted("Official working visit. Private visit to New York City afterward.")
                .getBytes()).expectStatus().isOk().returnResult(JsonNode.class).getResponseBody();
        assertThat(restored.get("updated").asInt()).isEqualTo(1);
        JsonNode again = post(visit.formatted("Official working visit. Private visit to New York City afterward.")
                .getBytes()).expectStatus().isOk().returnResult(JsonNode.class).getResponseBody();
        assertThat(again.get("unchanged").asInt()).isEqualTo(1);
    }

    @Test
    void anUnknownSlugIsRejectedWithItsIndexAndNothingIsWritten() {
        String xml = """
                <visits><visit><id>900001</id><start-date>2020-01-01</start-date><end-date>2020-01-01</end-date>
                <visitor>King Nobody</visitor><from id="atlantis">Atlantis</from><description/></visit>
                <visit><id>900002</id><start-date>2020-01-01</start-date><end-date>2020-01-02</end-date>
                <visitor>King Somebody</visitor><from id="france">France</from></visit></visits>""";
        JsonNode report = post(xml.getBytes()).expectStatus().isEqualTo(422).returnResult(JsonNode.class)
                .getResponseBody();
        assertThat(report.get("rejected").size()).isEqualTo(1);
        assertThat(report.at("/rejected/0/externalId").asString()).isEqualTo("hsg-visit:900001");
        assertThat(report.at("/rejected/0/index").asInt()).isZero();
        assertThat(report.at("/rejected/0/errors/0").asString()).contains("atlantis");
        assertThat(count("select count(*) from meetings where external_id in ('hsg-visit:900001', 'hsg-visit:900002')"))
                .isZero();
    }

    private void refused(String xml, int status, String detailContains) {
        long meetings = count("select count(*) from meetings");
        JsonNode problem = post(xml.getBytes()).expectStatus().isEqualTo(status).returnResult(JsonNode.class)
                .getResponseBody();
        assertThat(problem.get("detail").asString()).contains(detailContains);
        assertThat(count("select count(*) from meetings")).isEqualTo(meetings);
    }

    @Test
    void anExternalEntityIsRefusedAndNothingIsWritten() {
        refused("""
                <?xml version="1.0"?>
                <!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>
                <visits><visit><id>900003</id><start-date>2020-01-01</start-date><end-date>2020-01-01</end-date>
                <visitor>King &e;</visitor><from id="france">France</from></visit></visits>""", 400, "DOCTYPE");
    }

    @Test
    void billionLaughsIsRefused() {
        refused("""
                <?xml version="1.0"?>
                <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
                <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">]>
                <visits><visit><visitor>&lol2;</visitor></visit></visits>""", 400, "DOCTYPE");
    }

    @Test
    void malformedXmlIsRefusedNamingLineAndColumn() {
        refused("<visits>\n<visit><id>1</id></visits>", 400, "line 2, column");
    }

    @Test
    void aFileOfAnotherKindIsRefused() {
        refused("<presidents/>", 400, "<presidents>");
    }

    @Test
    void aBodyOverTheImportLimitIsRefusedWith413() {
        byte[] big = new byte[3 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) ' ');
        post(big).expectStatus().isEqualTo(413);
    }

    @Test
    void importsNeedTheAdmin() {
        http.post().uri("/api/v1/imports/history-state-gov").contentType(MediaType.APPLICATION_XML)
                .body("<visits/>".getBytes()).exchange().expectStatus().isUnauthorized();
    }
}
