package io.retrobridge.web.reports;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/** How the report endpoints answer in a format other than JSON. */
final class ReportAnswers {

    private ReportAnswers() {
    }

    /** The CSV as a download named {@code fileName}, so a browser saves it instead of showing it. */
    static ResponseEntity<String> csv(String fileName, String csv) {
        return ResponseEntity.ok()
                .contentType(FollowUpReportController.CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build()
                        .toString())
                .body(csv);
    }
}
