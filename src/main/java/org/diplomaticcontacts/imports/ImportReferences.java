package org.diplomaticcontacts.imports;

import static java.util.stream.Collectors.toSet;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a JSON import may refer to outside itself: the registry's countries, and the ids and
 * external ids of what is already stored. Read once per import, a few statements in all.
 */
final class ImportReferences {

    final Map<String, String> countryCodes = new HashMap<>();
    final Map<String, Long> organizationsByExternalId = new HashMap<>();
    final Set<Long> organizationIds = new HashSet<>();
    /** Each stored organization's parent, by id. */
    final Map<Long, Long> organizationParents = new HashMap<>();
    final Set<String> areaCodes = new HashSet<>();
    /** Each stored area's parent, by code. */
    final Map<String, String> areaParents = new HashMap<>();
    final Map<String, Long> officialsByExternalId = new HashMap<>();
    final Set<Long> officialIds = new HashSet<>();
    final Map<String, Long> meetingsByExternalId = new HashMap<>();

    static ImportReferences load(JdbcTemplate jdbc) {
        ImportReferences references = new ImportReferences();
        jdbc.query("select code, alpha3 from countries", row -> {
            references.countryCodes.put(row.getString(1), row.getString(1));
            references.countryCodes.put(row.getString(2), row.getString(1));
        });
        jdbc.query("select id, external_id, parent_id from organizations", row -> {
            references.organizationIds.add(row.getLong(1));
            if (row.getString(2) != null) {
                references.organizationsByExternalId.put(row.getString(2), row.getLong(1));
            }
            long parent = row.getLong(3);
            if (!row.wasNull()) {
                references.organizationParents.put(row.getLong(1), parent);
            }
        });
        jdbc.query("select code, parent_code from cooperation_areas", row -> {
            references.areaCodes.add(row.getString(1));
            if (row.getString(2) != null) {
                references.areaParents.put(row.getString(1), row.getString(2));
            }
        });
        jdbc.query("select id, external_id from officials", row -> {
            references.officialIds.add(row.getLong(1));
            if (row.getString(2) != null) {
                references.officialsByExternalId.put(row.getString(2), row.getLong(1));
            }
        });
        jdbc.query("select id, external_id from meetings where external_id is not null", row -> {
            references.meetingsByExternalId.put(row.getString(2), row.getLong(1));
        });
        return references;
    }

    /** The stored ids of the records that name one by external id: the records an import may change. */
    static <T> Set<Long> stored(List<T> records, Function<T, @Nullable String> externalId,
            Map<String, Long> byExternalId) {
        return records.stream().map(externalId).filter(Objects::nonNull).map(byExternalId::get)
                .filter(Objects::nonNull).collect(toSet());
    }

    @Nullable String country(@Nullable String code) {
        return code == null ? null : countryCodes.get(code.strip().toUpperCase(Locale.ROOT));
    }
}
