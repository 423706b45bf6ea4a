package org.diplomaticcontacts.shared;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The WHERE clause of a search, built from the filters a client actually gave. Conditions are
 * fixed SQL written in this code base; client values only ever travel as bound parameters.
 */
public final class SqlConditions {

    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> parameters = new LinkedHashMap<>();

    /** Adds {@code condition}, which refers to {@code :name}, when {@code value} is given. */
    public SqlConditions when(@Nullable Object value, String name, String condition) {
        if (value != null) {
            conditions.add(condition);
            parameters.put(name, value);
        }
        return this;
    }

    public SqlConditions condition(String condition) {
        conditions.add(condition);
        return this;
    }

    public SqlConditions parameter(String name, Object value) {
        parameters.put(name, value);
        return this;
    }

    public String where() {
        return conditions.isEmpty() ? "" : "where " + String.join("\n  and ", conditions);
    }

    public Map<String, Object> parameters() {
        return parameters;
    }
}
