package org.diplomaticcontacts.shared.history;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;

/** One change of a record: who, when, what (the fields that changed, and the whole record before and after). */
public record HistoryEntry(long id, ChangeAction action, String actor, Instant at, List<String> changedFields,
        @Nullable JsonNode before, @Nullable JsonNode after) {
}
