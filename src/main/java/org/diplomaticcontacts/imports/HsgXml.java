package org.diplomaticcontacts.imports;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.jspecify.annotations.Nullable;

/**
 * Reads the publisher's XML with StAX, hardened: no DTD, no external entities. A file with any
 * DOCTYPE is refused outright, which also stops entity-expansion bombs before they start.
 */
final class HsgXml {

    private static final XMLInputFactory FACTORY = hardenedFactory();

    private HsgXml() {
    }

    private static XMLInputFactory hardenedFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setXMLResolver((publicId, systemId, base, namespace) -> {
            throw new XMLStreamException("external resources are not allowed");
        });
        return factory;
    }

    /** The file's records: {@code visits/visit} or {@code trips/trip}, detected by the root element. */
    static List<HsgRecord> records(InputStream body) {
        return read(body, (reader, records) -> {
            String root = reader.getLocalName();
            HsgRecord.Kind kind = switch (root) {
                case "visits" -> HsgRecord.Kind.VISIT;
                case "trips" -> HsgRecord.Kind.TRIP;
                default -> throw new InvalidXmlException(
                        "Expected a history.state.gov <visits> or <trips> file, found <" + root + ">");
            };
            String element = kind == HsgRecord.Kind.VISIT ? "visit" : "trip";
            while (next(reader) != XMLStreamConstants.END_DOCUMENT) {
                if (reader.isStartElement() && reader.getLocalName().equals(element)) {
                    records.add(record(reader, kind, records.size()));
                }
            }
        });
    }

    /** Presidents' terms from the publisher's presidents.xml: who → [took office, left office]. */
    static Map<String, String[]> presidentTerms(InputStream xml) {
        Map<String, String[]> terms = new HashMap<>();
        read(xml, (reader, ignored) -> {
            Map<String, String> fields = new HashMap<>();
            while (next(reader) != XMLStreamConstants.END_DOCUMENT) {
                if (reader.isStartElement() && reader.getLocalName().equals("president")) {
                    fields.clear();
                } else if (reader.isStartElement()) {
                    fields.put(reader.getLocalName(), collapse(reader.getElementText()));
                } else if (reader.isEndElement() && reader.getLocalName().equals("president")) {
                    terms.put(fields.get("id"),
                            new String[] {fields.get("took-office-date"), fields.get("left-office-date")});
                }
            }
        });
        return terms;
    }

    private interface Body {
        void read(XMLStreamReader reader, List<HsgRecord> records) throws XMLStreamException;
    }

    private static List<HsgRecord> read(InputStream xml, Body body) {
        List<HsgRecord> records = new ArrayList<>();
        XMLStreamReader reader = null;
        try {
            reader = FACTORY.createXMLStreamReader(xml);
            while (next(reader) != XMLStreamConstants.START_ELEMENT) {
                // prolog: comments, processing instructions, whitespace
            }
            body.read(reader, records);
            return records;
        } catch (XMLStreamException exception) {
            throw new InvalidXmlException("The body is not well-formed XML" + where(exception.getLocation()) + ": "
                    + cleaned(exception.getMessage()));
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException ignored) {
                    // nothing left to release
                }
            }
        }
    }

    private static int next(XMLStreamReader reader) throws XMLStreamException {
        int event = reader.next();
        if (event == XMLStreamConstants.DTD) {
            throw new InvalidXmlException("A DOCTYPE is not allowed" + where(reader.getLocation())
                    + ": DTDs and entity declarations are refused (XXE, entity expansion)");
        }
        if (event == XMLStreamConstants.ENTITY_REFERENCE) {
            throw new InvalidXmlException("Entity reference &" + reader.getLocalName() + "; is not allowed"
                    + where(reader.getLocation()));
        }
        return event;
    }

    private static HsgRecord record(XMLStreamReader reader, HsgRecord.Kind kind, int index) throws XMLStreamException {
        String element = reader.getLocalName();
        Map<String, String> fields = new HashMap<>();
        String slug = null;
        String role = kind == HsgRecord.Kind.TRIP ? reader.getAttributeValue(null, "role") : null;
        String who = kind == HsgRecord.Kind.TRIP ? reader.getAttributeValue(null, "who") : null;
        while (true) {
            int event = next(reader);
            if (event == XMLStreamConstants.END_ELEMENT && reader.getLocalName().equals(element)) {
                break;
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                String name = reader.getLocalName();
                if (name.equals("from") || name.equals("country")) {
                    slug = reader.getAttributeValue(null, "id");
                }
                fields.put(name, collapse(reader.getElementText()));
            }
        }
        return new HsgRecord(kind, index, blankToNull(fields.get("id")), blankToNull(fields.get("start-date")),
                blankToNull(fields.get("end-date")),
                blankToNull(fields.get(kind == HsgRecord.Kind.VISIT ? "visitor" : "name")),
                role != null ? role : blankToNull(fields.get("role")), who, blankToNull(slug),
                blankToNull(fields.get(kind == HsgRecord.Kind.VISIT ? "from" : "country")),
                blankToNull(locale(fields.get("locale"))),
                blankToNull(fields.get(kind == HsgRecord.Kind.VISIT ? "description" : "remarks")));
    }

    /** Stray spaces in a locale: "Moscow , Kiev " → "Moscow, Kiev". */
    private static @Nullable String locale(@Nullable String locale) {
        return locale == null ? null : locale.replaceAll("\\s+,", ",").strip();
    }

    static String collapse(@Nullable String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").strip();
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private static String where(@Nullable Location location) {
        return location == null ? ""
                : " at line " + location.getLineNumber() + ", column " + location.getColumnNumber();
    }

    /** The JDK prefixes its messages with "ParseError at [row,col]:[…]"; the location is given separately. */
    private static String cleaned(@Nullable String message) {
        if (message == null) {
            return "unreadable";
        }
        int cut = message.indexOf("Message: ");
        return (cut >= 0 ? message.substring(cut + 9) : message).strip();
    }
}
