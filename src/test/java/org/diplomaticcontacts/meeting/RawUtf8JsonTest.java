package org.diplomaticcontacts.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

/** Raw UTF-8 JSON is written byte for byte, whatever the script, by Jackson's byte and text generators alike. */
class RawUtf8JsonTest {

    private static final String DOCUMENT = "{\"title\":\"Étienne Schneider meets Айгуль Куспан\",\"id\":7}";

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aPageOfDocumentsIsWrittenAsTheirBytesAreInUtf8AndAsText() {
        List<MeetingDocument> page = List.of(new MeetingDocument(7, DOCUMENT.getBytes(StandardCharsets.UTF_8)),
                new MeetingDocument(8, "{}".getBytes(StandardCharsets.UTF_8)));
        String expected = "{\"content\":[" + DOCUMENT + ",{}]}";

        assertThat(new String(json.writeValueAsBytes(Map.of("content", page)), StandardCharsets.UTF_8))
                .isEqualTo(expected);
        assertThat(json.writeValueAsString(Map.of("content", page))).isEqualTo(expected);
    }

    @Test
    void bytesAreCopiedOnlyWhereTheyFit() {
        RawUtf8Json raw = new RawUtf8Json("[1,2]".getBytes(StandardCharsets.UTF_8));
        byte[] buffer = new byte[6];

        assertThat(raw.appendUnquotedUTF8(buffer, 1)).isEqualTo(5);
        assertThat(new String(buffer, 1, 5, StandardCharsets.UTF_8)).isEqualTo("[1,2]");
        assertThat(raw.appendUnquotedUTF8(buffer, 2)).isEqualTo(-1);
    }
}
