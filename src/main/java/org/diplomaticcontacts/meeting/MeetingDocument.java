package org.diplomaticcontacts.meeting;

import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.annotation.JsonSerialize;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * A meeting as clients read it, as the JSON text PostgreSQL keeps ready in
 * {@code meeting_documents} (migration V23), in the UTF-8 bytes the driver received. It is
 * written out as it is: parsing it into a {@link MeetingResponse} only to write it again cost
 * more than everything else a read does, and so did decoding it into a {@code String} only to
 * encode it again. Its shape is {@link MeetingResponse}'s, which the API documentation shows.
 * The bytes are never modified.
 */
@Schema(implementation = MeetingResponse.class)
@JsonSerialize(using = MeetingDocument.RawJson.class)
record MeetingDocument(long id, byte[] utf8Json) {

    static final class RawJson extends StdSerializer<MeetingDocument> {

        RawJson() {
            super(MeetingDocument.class);
        }

        @Override
        public void serialize(MeetingDocument document, JsonGenerator generator, SerializationContext context) {
            generator.writeRawValue(new RawUtf8Json(document.utf8Json()));
        }
    }
}
