package org.diplomaticcontacts.meeting;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.diplomaticcontacts.shared.ETags;
import org.diplomaticcontacts.shared.PageParams;
import org.diplomaticcontacts.shared.PageResponse;
import org.diplomaticcontacts.shared.Versioned;
import org.diplomaticcontacts.shared.history.HistoryEntry;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@RequestMapping("/api/v1")
class MeetingController {

    static final String TEXT_CSV = "text/csv";
    static final String TEXT_CALENDAR = "text/calendar";

    private final MeetingService meetings;
    private final MeetingExport export;

    MeetingController(MeetingService meetings, MeetingExport export) {
        this.meetings = meetings;
        this.export = export;
    }

    /** The whole filtered result (no paging) as CSV; the columns are documented on {@link MeetingExport}. */
    @GetMapping(path = "/meetings", produces = TEXT_CSV)
    ResponseEntity<StreamingResponseBody> csv(@ParameterObject MeetingService.Filters filters) {
        MeetingSearch search = meetings.exportSearch(filters);
        // relevance needs the search ranking the page query joins; an export is ordered by date or as asked
        MeetingSort order = MeetingSort.of(filters.sort(), false);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("text/csv;charset=UTF-8;header=present"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"meetings.csv\"")
                .body(out -> export.csv(search, order, out));
    }

    /** The whole filtered result as iCalendar all-day events. */
    @GetMapping(path = "/meetings", produces = TEXT_CALENDAR)
    ResponseEntity<StreamingResponseBody> calendar(@ParameterObject MeetingService.Filters filters,
            @RequestHeader(name = HttpHeaders.HOST, required = false) @Nullable String host) {
        MeetingSearch search = meetings.exportSearch(filters);
        // relevance needs the search ranking the page query joins; an export is ordered by date or as asked
        MeetingSort order = MeetingSort.of(filters.sort(), false);
        String uidHost = host == null ? "diplomatic-contacts" : host.replaceAll(":\\d+$", "");
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("text/calendar;charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"meetings.ics\"")
                .body(out -> export.calendar(search, order, uidHost, out));
    }

    @GetMapping("/meetings")
    PageResponse<MeetingDocument> list(@ParameterObject MeetingService.Filters filters,
            @RequestParam(defaultValue = "0") @Min(0) @Max(PageParams.MAX_PAGE) int page,
            @RequestParam(defaultValue = "" + PageParams.DEFAULT_SIZE) @Min(1) @Max(PageParams.MAX_SIZE) int size) {
        return meetings.search(filters, new PageParams(page, size));
    }

    @GetMapping("/meetings/{id}")
    ResponseEntity<MeetingDocument> get(@PathVariable long id) {
        return ETags.ok(meetings.get(id));
    }

    @GetMapping("/meetings/{id}/history")
    List<HistoryEntry> history(@PathVariable long id) {
        return meetings.history(id);
    }

    @PostMapping("/meetings")
    ResponseEntity<MeetingDocument> create(@Valid @RequestBody MeetingRequest request) {
        Versioned<MeetingDocument> created = meetings.create(request);
        return ETags.created(ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}")
                .buildAndExpand(created.body().id()).toUri(), created);
    }

    @PutMapping("/meetings/{id}")
    ResponseEntity<MeetingDocument> update(@PathVariable long id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody MeetingRequest request) {
        return ETags.ok(meetings.update(id, ETags.requiredVersion(ifMatch), request));
    }

    @DeleteMapping("/meetings/{id}")
    ResponseEntity<Void> delete(@PathVariable long id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        meetings.delete(id, ETags.requiredVersion(ifMatch));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/officials/{id}/meetings")
    PageResponse<MeetingDocument> byOfficial(@PathVariable long id,
            @RequestParam(defaultValue = "0") @Min(0) @Max(PageParams.MAX_PAGE) int page,
            @RequestParam(defaultValue = "" + PageParams.DEFAULT_SIZE) @Min(1) @Max(PageParams.MAX_SIZE) int size) {
        return meetings.findByOfficial(id, new PageParams(page, size));
    }
}
