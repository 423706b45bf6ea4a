package org.diplomaticcontacts.shared.history;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records every create, update and delete of a record in the transaction that makes it, so a
 * change and its trace commit or roll back together, and serves that trace, also after a delete.
 */
@Service
public class ChangeHistory {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ChangeHistory(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Must join the writing transaction: a change without its trace must never commit. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String recordType, long recordId, ChangeAction action, @Nullable Object before,
            @Nullable Object after) {
        jdbc.sql("""
                insert into change_history (record_type, record_id, action, actor, before, after)
                values (:type, :id, :action, :actor, cast(:before as jsonb), cast(:after as jsonb))
                """)
                .param("type", recordType)
                .param("id", recordId)
                .param("action", action.name())
                .param("actor", currentActor())
                .param("before", before == null ? null : json.writeValueAsString(before))
                .param("after", after == null ? null : json.writeValueAsString(after))
                .update();
    }

    @Transactional(readOnly = true)
    public List<HistoryEntry> of(String recordType, long recordId) {
        return jdbc.sql("""
                select id, action, actor, changed_at, before::text as before, after::text as after
                from change_history where record_type = :type and record_id = :id order by id
                """)
                .param("type", recordType)
                .param("id", recordId)
                .query((row, index) -> {
                    JsonNode before = parse(row.getString("before"));
                    JsonNode after = parse(row.getString("after"));
                    Timestamp at = row.getTimestamp("changed_at");
                    return new HistoryEntry(row.getLong("id"), ChangeAction.valueOf(row.getString("action")),
                            row.getString("actor"), at.toInstant(), changedFields(before, after), before, after);
                })
                .list();
    }

    private @Nullable JsonNode parse(@Nullable String document) {
        return document == null ? null : json.readTree(document);
    }

    /** The top-level fields whose values differ between the two versions. */
    static List<String> changedFields(@Nullable JsonNode before, @Nullable JsonNode after) {
        Set<String> names = new LinkedHashSet<>();
        if (before != null) {
            names.addAll(before.propertyNames());
        }
        if (after != null) {
            names.addAll(after.propertyNames());
        }
        List<String> changed = new ArrayList<>();
        for (String name : names) {
            JsonNode was = before == null ? null : before.get(name);
            JsonNode is = after == null ? null : after.get(name);
            if (was == null ? is != null : !was.equals(is)) {
                changed.add(name);
            }
        }
        return changed;
    }

    private static String currentActor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? "system" : authentication.getName();
    }
}
