package org.diplomaticcontacts.imports;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes the people of history.state.gov meetings: creates those not yet known (by their folded
 * name key), adds new spellings as aliases and new posts as positions. Names never change here.
 */
@Component
class HsgOfficials {

    private record ExistingOfficial(long id, String fullName, Set<String> aliases, Set<String> positions,
            int nextIndex) {
    }

    private final JdbcTemplate jdbc;
    private final BulkWrites bulk;

    HsgOfficials(JdbcTemplate jdbc, BulkWrites bulk) {
        this.jdbc = jdbc;
        this.bulk = bulk;
    }

    /** Writes the people of {@code meetings} and puts each one's id in {@code ids} under their key. */
    ImportReport.Counts write(List<HsgMeeting> meetings, Map<String, Long> ids) {
        Map<String, List<HsgMeeting.Holder>> byKey = new LinkedHashMap<>();
        for (HsgMeeting meeting : meetings) {
            for (HsgMeeting.Holder holder : meeting.people()) {
                byKey.computeIfAbsent(holder.externalId(), key -> new ArrayList<>()).add(holder);
            }
        }
        Map<String, ExistingOfficial> existing = existing(byKey.keySet());
        List<String> missing = byKey.keySet().stream().filter(key -> !existing.containsKey(key)).toList();
        List<Long> newIds = bulk.nextIds("officials", missing.size());

        List<Object[]> officialRows = new ArrayList<>();
        List<Object[]> aliasRows = new ArrayList<>();
        List<Object[]> positionRows = new ArrayList<>();
        Set<Long> touched = new LinkedHashSet<>();
        int created = 0;
        for (Map.Entry<String, List<HsgMeeting.Holder>> entry : byKey.entrySet()) {
            ExistingOfficial official = existing.get(entry.getKey());
            HsgMeeting.Holder first = entry.getValue().get(0);
            if (official == null) {
                long id = newIds.get(created++);
                officialRows.add(new Object[] {id, first.name(), first.countryCode(), entry.getKey()});
                official = new ExistingOfficial(id, first.name(), new HashSet<>(), new HashSet<>(), 0);
            }
            ids.put(entry.getKey(), official.id());
            int nextIndex = official.nextIndex();
            for (HsgMeeting.Holder holder : entry.getValue()) {
                if (!holder.name().equals(official.fullName()) && official.aliases().add(holder.name())) {
                    aliasRows.add(new Object[] {official.id(), holder.name()});
                    touched.add(official.id());
                }
                if (holder.title() != null
                        && official.positions().add(position(holder.title(), holder.start(), holder.end()))) {
                    positionRows.add(new Object[] {official.id(), nextIndex++, holder.title(),
                            BulkWrites.sqlDate(holder.start()), BulkWrites.sqlDate(holder.end())});
                    touched.add(official.id());
                }
            }
        }
        jdbc.batchUpdate("insert into officials (id, full_name, country_code, external_id) values (?, ?, ?, ?)",
                officialRows);
        jdbc.batchUpdate("insert into official_aliases (official_id, alias) values (?, ?)", aliasRows);
        jdbc.batchUpdate("""
                insert into positions (official_id, list_index, title, start_date, end_date) values (?, ?, ?, ?, ?)
                """, positionRows);
        Set<Long> createdIds = new HashSet<>(newIds);
        List<Object[]> updatedRows = touched.stream().filter(id -> !createdIds.contains(id))
                .map(id -> new Object[] {id}).toList();
        jdbc.batchUpdate("update officials set version = version + 1, updated_at = now() where id = ?", updatedRows);
        // names never change here: new aliases show in the search documents only (theirs and their meetings')
        touched.addAll(newIds);
        bulk.refresh("refresh_official_search", "bigint", touched);
        return new ImportReport.Counts(created, updatedRows.size(), byKey.size() - created - updatedRows.size());
    }

    private Map<String, ExistingOfficial> existing(Set<String> externalIds) {
        Map<String, ExistingOfficial> found = new HashMap<>();
        if (externalIds.isEmpty()) {
            return found;
        }
        String[] keys = externalIds.toArray(String[]::new);
        Map<Long, String> keyById = new HashMap<>();
        // Locked in id order before anything of theirs is read (in statements of their own, which
        // see what committed while this one waited): a post change or another import of the same
        // official is waited for, so that its posts, aliases and next post number are read as they
        // are after it (a number read before it clashed with its post, failing the import), and two
        // imports take these locks in one order instead of deadlocking. Held to the end, they also
        // make a rename or post change of these officials wait for the meetings this import links.
        jdbc.query("select id from officials where external_id = any (?) order by id for no key update",
                row -> { }, (Object) keys);
        jdbc.query("""
                select o.id, o.full_name, o.external_id,
                       coalesce((select max(p.list_index) + 1 from positions p where p.official_id = o.id), 0)
                from officials o where o.external_id = any (?)
                """, row -> {
            long id = row.getLong(1);
            keyById.put(id, row.getString(3));
            found.put(row.getString(3), new ExistingOfficial(id, row.getString(2), new HashSet<>(), new HashSet<>(),
                    row.getInt(4)));
        }, (Object) keys);
        if (keyById.isEmpty()) {
            return found;
        }
        Long[] officialIds = keyById.keySet().toArray(Long[]::new);
        jdbc.query("select official_id, alias from official_aliases where official_id = any (?)",
                row -> { found.get(keyById.get(row.getLong(1))).aliases().add(row.getString(2)); },
                (Object) officialIds);
        jdbc.query("select official_id, title, start_date, end_date from positions where official_id = any (?)",
                row -> {
                    Date start = row.getDate(3);
                    Date end = row.getDate(4);
                    found.get(keyById.get(row.getLong(1))).positions().add(position(row.getString(2),
                            start == null ? null : start.toLocalDate(), end == null ? null : end.toLocalDate()));
                }, (Object) officialIds);
        return found;
    }

    /** A post as one comparable string, so that a post already held is not added twice. */
    private static String position(@Nullable String title, @Nullable LocalDate start, @Nullable LocalDate end) {
        return title + "|" + start + "|" + end;
    }
}
