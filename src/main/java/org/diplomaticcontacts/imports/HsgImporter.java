package org.diplomaticcontacts.imports;

import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports one history.state.gov file: each visit or trip becomes a meeting of kind VISIT, each
 * person an official matched by a folded name key. Everything is checked before anything is
 * written ({@link HsgPlanner}); then the people ({@link HsgOfficials}) and the meetings
 * ({@link HsgMeetings}) are written in batches, in one transaction.
 */
@Service
class HsgImporter {

    private static final Logger log = LoggerFactory.getLogger(HsgImporter.class);

    private final HsgPlanner planner;
    private final HsgOfficials officials;
    private final HsgMeetings meetings;
    private final BulkWrites bulk;

    HsgImporter(HsgPlanner planner, HsgOfficials officials, HsgMeetings meetings, BulkWrites bulk) {
        this.planner = planner;
        this.officials = officials;
        this.meetings = meetings;
        this.bulk = bulk;
    }

    @Transactional
    public ImportReport importFile(InputStream body) {
        long started = System.nanoTime();
        List<HsgRecord> records = HsgXml.records(body);
        long parsed = System.nanoTime();
        HsgPlanner.Plan plan = planner.plan(records);
        if (!plan.rejected().isEmpty()) {
            return ImportReport.rejecting(plan.rejected());
        }
        long planned = System.nanoTime();
        // the derived rows of what this import writes are rebuilt once, by the writers, not per statement
        bulk.begin();
        Map<String, Long> officialIds = new HashMap<>();
        ImportReport.Counts people = officials.write(plan.meetings(), officialIds);
        long peopleWritten = System.nanoTime();
        ImportReport report = meetings.write(plan.meetings(), officialIds, people);
        bulk.end();
        log.info("history.state.gov import of {} records: parse {} ms, plan {} ms, officials {} ms, meetings {} ms",
                records.size(), (parsed - started) / 1_000_000, (planned - parsed) / 1_000_000,
                (peopleWritten - planned) / 1_000_000, (System.nanoTime() - peopleWritten) / 1_000_000);
        return report;
    }
}
