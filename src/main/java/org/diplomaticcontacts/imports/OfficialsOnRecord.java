package org.diplomaticcontacts.imports;

import java.sql.Array;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.diplomaticcontacts.shared.ParticipantRole;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The country and posts of every official an imported meeting names, whether the document or
 * the registry holds them: what a participant's role and country default to when left out.
 */
final class OfficialsOnRecord {

    private record Post(String title, @Nullable LocalDate start, @Nullable LocalDate end) {
    }

    private record Person(@Nullable String countryCode, List<Post> posts) {
    }

    private final Map<Long, Person> people = new HashMap<>();

    static OfficialsOnRecord load(JdbcTemplate jdbc, ImportReferences references,
            List<ImportDocument.Official> documentOfficials, Map<String, Long> officialIds,
            List<ImportDocument.Meeting> meetings) {
        OfficialsOnRecord record = new OfficialsOnRecord();
        for (ImportDocument.Official official : documentOfficials) {
            if (official.externalId() == null) {
                continue;
            }
            List<Post> posts = official.positions() == null ? List.of() : official.positions().stream()
                    .map(p -> new Post(p.title().strip(), p.startDate(), p.endDate())).toList();
            record.people.put(officialIds.get(official.externalId()),
                    new Person(references.country(official.countryCode()), posts));
        }
        Set<Long> missing = new HashSet<>();
        for (ImportDocument.Meeting meeting : meetings) {
            for (ImportDocument.Participant participant : meeting.participants()) {
                Long id = idOf(participant, officialIds);
                if (id != null && !record.people.containsKey(id)) {
                    missing.add(id);
                }
            }
        }
        if (!missing.isEmpty()) {
            Map<Long, String> countries = new HashMap<>();
            Map<Long, List<Post>> posts = new HashMap<>();
            jdbc.query("""
                    select o.id, o.country_code, p.title, p.start_date, p.end_date
                    from officials o left join positions p on p.official_id = o.id
                    where o.id = any(?) order by o.id, p.list_index""",
                    statement -> statement.setArray(1, bigintArray(jdbc, missing)),
                    row -> {
                        long id = row.getLong(1);
                        countries.put(id, row.getString(2));
                        List<Post> held = posts.computeIfAbsent(id, any -> new ArrayList<>());
                        if (row.getString(3) != null) {
                            held.add(new Post(row.getString(3), row.getObject(4, LocalDate.class),
                                    row.getObject(5, LocalDate.class)));
                        }
                    });
            countries.forEach((id, country) -> record.people.put(id, new Person(country, posts.get(id))));
        }
        return record;
    }

    static @Nullable Long idOf(ImportDocument.Participant participant, Map<String, Long> officialIds) {
        return participant.officialId() != null ? participant.officialId() : officialIds.get(participant.officialRef());
    }

    @Nullable String countryOf(long official) {
        Person person = people.get(official);
        return person == null ? null : person.countryCode();
    }

    /** The titles of the posts possibly held during the days, as a role; null when none is known. */
    @Nullable String titlesHeldBetween(long official, LocalDate from, LocalDate to) {
        Person person = people.get(official);
        if (person == null) {
            return null;
        }
        return ParticipantRole.of(person.posts().stream()
                .filter(post -> (post.start() == null || !post.start().isAfter(to))
                        && (post.end() == null || !post.end().isBefore(from)))
                .map(Post::title));
    }

    private static Array bigintArray(JdbcTemplate jdbc, Set<Long> ids) {
        return jdbc.execute((ConnectionCallback<Array>) connection ->
                connection.createArrayOf("bigint", ids.toArray()));
    }
}
