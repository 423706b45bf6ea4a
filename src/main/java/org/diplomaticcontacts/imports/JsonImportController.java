package org.diplomaticcontacts.imports;

import java.io.InputStream;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Admin only (every non-GET is): a whole JSON document of records, all or nothing. */
@RestController
@RequestMapping("/api/v1/imports")
class JsonImportController {

    private final JsonImporter importer;

    JsonImportController(JsonImporter importer) {
        this.importer = importer;
    }

    /** 200 with the report; 422 (and nothing written) when any record was rejected. */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ImportReport> importDocument(InputStream body) {
        ImportReport report = importer.importDocument(body);
        return ResponseEntity.status(report.rejected().isEmpty() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT)
                .body(report);
    }

    @ExceptionHandler
    ProblemDetail invalidDocument(InvalidImportException exception) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, exception.getMessage());
        problem.setTitle("Invalid import document");
        return problem;
    }
}
