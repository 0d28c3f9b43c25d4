package io.retrobridge.web.admin;

import io.retrobridge.mapping.ActionItemsDefinition;
import io.retrobridge.mapping.LoadedMappings;
import io.retrobridge.mapping.MappingLoader;
import io.retrobridge.mapping.MappingReloader;
import io.retrobridge.mapping.MappingSettings;
import io.retrobridge.mapping.MappingValidationException;
import io.retrobridge.mapping.ReloadOutcome;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What mapping is running, checking an edit before it is saved, and reloading at once. Checking never
 * changes what runs; only a reload of valid files does.
 */
@RestController
@RequestMapping("/api/admin/mappings")
class MappingAdminController {

    /** The same limit the loader puts on a mapping file. */
    static final int MAX_BODY_BYTES = 1024 * 1024;

    private final MappingReloader reloader;
    private final MappingSettings settings;
    /** Its own loader: checking touches nothing that runs. */
    private final MappingLoader checker = MappingLoader.forValidation();

    MappingAdminController(MappingReloader reloader, MappingSettings settings) {
        this.reloader = reloader;
        this.settings = settings;
    }

    @Operation(summary = "The mapping files in use")
    @GetMapping
    Map<String, Object> running() {
        return MappingViews.running(reloader.status());
    }

    /** An edited file sent as text: checked as the file named by {@code file}, nothing saved. */
    @Operation(summary = "Check mapping files without loading them: the one sent as the body, or the folder on disk",
            requestBody = @RequestBody(description = "A mapping file as YAML text; without a body the folder on disk "
                    + "is checked", content = {@Content(mediaType = "application/yaml", schema = @Schema(type = "string")),
                    @Content(mediaType = "text/plain", schema = @Schema(type = "string"))}))
    @ApiResponse(responseCode = "200", description = "Valid: what the files define")
    @ApiResponse(responseCode = "422", description = "Invalid: each problem with its file and place")
    @PostMapping(path = "/validate", consumes = {"application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml",
            "text/plain", "application/json"})
    ResponseEntity<Map<String, Object>> validateText(HttpServletRequest request, InputStream body,
            @RequestParam(name = "file", defaultValue = ActionItemsDefinition.FILE_NAME) String file) throws IOException {
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            return tooLarge();
        }
        byte[] text = body.readNBytes(MAX_BODY_BYTES + 1);
        if (text.length > MAX_BODY_BYTES) {
            return tooLarge();
        }
        if (text.length == 0) {
            return validateFolder();
        }
        try {
            return ResponseEntity.ok(MappingViews.valid(checker.loadText(settings.dir(), file, text)));
        } catch (MappingValidationException e) {
            return ResponseEntity.unprocessableEntity().body(MappingViews.invalid(e.problems()));
        }
    }

    /** No body: the folder as it is on disk now (which may differ from what runs, if an edit was refused). */
    @Operation(summary = "Check mapping files without loading them: the one sent as the body, or the folder on disk")
    @ApiResponse(responseCode = "200", description = "Valid: what the files define")
    @ApiResponse(responseCode = "422", description = "Invalid: each problem with its file and place")
    @PostMapping("/validate")
    ResponseEntity<Map<String, Object>> validateFolder(HttpServletRequest request) {
        if (request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null) {
            return error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "a mapping file to check is sent as YAML text",
                    "send it with Content-Type: application/yaml (or text/plain), or send no body to check "
                            + "the files on disk");
        }
        return validateFolder();
    }

    @Operation(summary = "Load the mapping folder now (refused, and nothing changes, if a file is invalid)")
    @ApiResponse(responseCode = "200", description = "Loaded: what runs now")
    @ApiResponse(responseCode = "422", description = "Refused: each problem, and what still runs")
    @PostMapping("/reload")
    ResponseEntity<Map<String, Object>> reload() {
        ReloadOutcome outcome = reloader.reloadNow();
        if (outcome.result() == ReloadOutcome.Result.REFUSED) {
            Map<String, Object> body = MappingViews.invalid(outcome.problems());
            body.put("running", MappingViews.running(reloader.status()));
            return ResponseEntity.unprocessableEntity().body(body);
        }
        return ResponseEntity.ok(MappingViews.running(reloader.status()));
    }

    private ResponseEntity<Map<String, Object>> validateFolder() {
        try {
            LoadedMappings loaded = checker.load(settings.dir());
            return ResponseEntity.ok(MappingViews.valid(loaded));
        } catch (MappingValidationException e) {
            return ResponseEntity.unprocessableEntity().body(MappingViews.invalid(e.problems()));
        }
    }

    private static ResponseEntity<Map<String, Object>> tooLarge() {
        return error(HttpStatus.PAYLOAD_TOO_LARGE, "a mapping file may be at most " + MAX_BODY_BYTES + " bytes (1 MiB)",
                "split it or remove what is not needed");
    }

    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String error, String hint) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status.value());
        body.put("error", error);
        body.put("hint", hint);
        return ResponseEntity.status(status).body(body);
    }
}
