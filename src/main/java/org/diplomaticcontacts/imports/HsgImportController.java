package org.diplomaticcontacts.imports;

import java.io.InputStream;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Admin only (every non-GET is): one history.state.gov XML file a request, as published. */
@RestController
@RequestMapping("/api/v1/imports")
class HsgImportController {

    private final HsgImporter importer;

    HsgImportController(HsgImporter importer) {
        this.importer = importer;
    }

    /** 200 with the report; 422 (and nothing written) when any record was rejected. */
    @PostMapping(path = "/history-state-gov", consumes = {"application/xml", "text/xml"})
    ResponseEntity<ImportReport> importHistoryStateGov(InputStream body) {
        ImportReport report = importer.importFile(body);
        return ResponseEntity.status(report.rejected().isEmpty() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT)
                .body(report);
    }

    @ExceptionHandler
    ProblemDetail invalidXml(InvalidXmlException exception) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, exception.getMessage());
        problem.setTitle("Invalid XML");
        return problem;
    }
}
