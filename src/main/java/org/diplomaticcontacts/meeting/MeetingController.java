package org.diplomaticcontacts.meeting;

import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.diplomaticcontacts.shared.PageParams;
import org.diplomaticcontacts.shared.PageResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
class MeetingController {

    private final MeetingService meetings;

    MeetingController(MeetingService meetings) {
        this.meetings = meetings;
    }

    @GetMapping("/meetings")
    PageResponse<MeetingResponse> list(@RequestParam(required = false) @Nullable String country,
            @RequestParam(required = false) @Nullable String counterpart,
            @RequestParam(required = false) @Nullable Long official,
            @RequestParam(required = false) @Nullable Long organization,
            @RequestParam(required = false) @Nullable String area,
            @RequestParam(required = false) @Nullable String location,
            @RequestParam(required = false) @Nullable MeetingKind kind,
            @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) @Nullable LocalDate to,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String sort,
            @RequestParam(defaultValue = "0") @Min(0) @Max(PageParams.MAX_PAGE) int page,
            @RequestParam(defaultValue = "" + PageParams.DEFAULT_SIZE) @Min(1) @Max(PageParams.MAX_SIZE) int size) {
        MeetingService.Filters filters = new MeetingService.Filters(country, counterpart, official, organization, area,
                location, kind, from, to, q, sort);
        return meetings.search(filters, new PageParams(page, size));
    }

    @GetMapping("/meetings/{id}")
    ResponseEntity<MeetingResponse> get(@PathVariable long id) {
        MeetingReader.Versioned meeting = meetings.get(id);
        return ResponseEntity.ok().eTag(String.valueOf(meeting.version())).body(meeting.meeting());
    }

    @GetMapping("/officials/{id}/meetings")
    PageResponse<MeetingResponse> byOfficial(@PathVariable long id,
            @RequestParam(defaultValue = "0") @Min(0) @Max(PageParams.MAX_PAGE) int page,
            @RequestParam(defaultValue = "" + PageParams.DEFAULT_SIZE) @Min(1) @Max(PageParams.MAX_SIZE) int size) {
        return meetings.findByOfficial(id, new PageParams(page, size));
    }
}
