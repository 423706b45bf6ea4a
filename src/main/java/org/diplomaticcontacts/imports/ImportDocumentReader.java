package org.diplomaticcontacts.imports;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a JSON import record by record with Jackson's streaming parser, so that a document of
 * hundreds of thousands of meetings never exists as one tree in memory — only as the compact
 * records the import needs.
 */
@Component
class ImportDocumentReader {

    private final JsonMapper json;

    ImportDocumentReader(JsonMapper json) {
        this.json = json;
    }

    ImportDocument.Contents read(InputStream body) {
        List<ImportDocument.Organization> organizations = new ArrayList<>();
        List<ImportDocument.CooperationArea> areas = new ArrayList<>();
        List<ImportDocument.Official> officials = new ArrayList<>();
        List<ImportDocument.Meeting> meetings = new ArrayList<>();
        try (JsonParser parser = json.createParser(body)) {
            expect(parser, parser.nextToken(), JsonToken.START_OBJECT, "the document must be a JSON object");
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                switch (name) {
                    case "organizations" -> readArray(parser, ImportDocument.Organization.class, organizations);
                    case "cooperationAreas" -> readArray(parser, ImportDocument.CooperationArea.class, areas);
                    case "officials" -> readArray(parser, ImportDocument.Official.class, officials);
                    case "meetings" -> readArray(parser, ImportDocument.Meeting.class, meetings);
                    default -> throw new InvalidImportException("'" + name + "' is not part of an import document "
                            + "(organizations, cooperationAreas, officials, meetings)" + at(parser.currentLocation()));
                }
            }
            if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
                throw new InvalidImportException("unexpected content after the document"
                        + at(parser.currentLocation()));
            }
        }
        catch (JacksonException invalid) {
            throw new InvalidImportException(invalid.getOriginalMessage() + at(invalid.getLocation())
                    + (invalid.getPathReference() == null ? "" : " (" + invalid.getPathReference() + ")"));
        }
        return new ImportDocument.Contents(organizations, areas, officials, meetings);
    }

    private <T> void readArray(JsonParser parser, Class<T> type, List<T> into) {
        expect(parser, parser.nextToken(), JsonToken.START_ARRAY, "'" + parser.currentName() + "' must be an array");
        // one record at a time from the shared stream: what follows a record is the next one, not an error
        ObjectReader records = json.readerFor(type).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        while (parser.nextToken() == JsonToken.START_OBJECT) {
            into.add(records.readValue(parser));
        }
        expect(parser, parser.currentToken(), JsonToken.END_ARRAY, "the records of an array must be objects");
    }

    private static void expect(JsonParser parser, JsonToken actual, JsonToken expected, String message) {
        if (actual != expected) {
            throw new InvalidImportException(message + at(parser.currentLocation()));
        }
    }

    private static String at(TokenStreamLocation location) {
        return location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
}
