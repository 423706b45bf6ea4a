package org.diplomaticcontacts.official;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the officials of a page as clients see them, in one purpose-built statement: each
 * official's row with its aliases as an array (gathered once per official), repeated for each of
 * their posts, in the posts' order. Loading the entities with both collections through JPA cost
 * the service 4.3 ms of CPU per page of 20: Hibernate translated its query anew for every list of
 * ids, then built and snapshotted every entity of a read-only page (bench/HISTORY.md). Writes
 * still go through the entities.
 */
@Repository
class OfficialReader {

    private final JdbcClient jdbc;

    OfficialReader(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The officials with these ids, in the order of {@code ids}; an id with no official is left out. */
    List<OfficialResponse> read(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, OfficialRows> byId = new HashMap<>();
        jdbc.sql("""
                with page as materialized (
                    select o.id, o.full_name, o.country_code,
                           array(select a.alias from official_aliases a where a.official_id = o.id) as aliases
                    from officials o where o.id = any(cast(:ids as bigint[])))
                select page.*, p.title, p.organization_id, p.start_date, p.end_date
                from page left join positions p on p.official_id = page.id
                order by page.id, p.list_index""")
                .param("ids", ids.toArray(Long[]::new))
                .query(row -> {
                    OfficialRows official = byId.get(row.getLong("id"));
                    if (official == null) {
                        official = OfficialRows.of(row);
                        byId.put(official.id(), official);
                    }
                    official.addPost(row);
                });
        return ids.stream().map(byId::get).filter(Objects::nonNull).map(OfficialRows::response).toList();
    }

    /** One official's rows: the official once, and each of their posts. */
    private record OfficialRows(long id, String fullName, @Nullable String countryCode, List<String> aliases,
            List<OfficialResponse.PositionResponse> positions) {

        static OfficialRows of(ResultSet row) throws SQLException {
            String[] aliases = (String[]) row.getArray("aliases").getArray();
            // sorted as OfficialResponse.from sorts the entity's aliases
            return new OfficialRows(row.getLong("id"), row.getString("full_name"), row.getString("country_code"),
                    Arrays.stream(aliases).sorted().toList(), new ArrayList<>());
        }

        void addPost(ResultSet row) throws SQLException {
            String title = row.getString("title");
            if (title != null) {
                positions.add(new OfficialResponse.PositionResponse(title, row.getObject("organization_id", Long.class),
                        row.getObject("start_date", LocalDate.class), row.getObject("end_date", LocalDate.class)));
            }
        }

        OfficialResponse response() {
            return new OfficialResponse(id, fullName, aliases, countryCode, positions);
        }
    }
}
