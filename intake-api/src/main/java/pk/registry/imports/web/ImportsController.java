package pk.registry.imports.web;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import pk.registry.http.FieldError;
import pk.registry.http.Problems;
import pk.registry.imports.HouseholdImports;
import pk.registry.imports.ImportId;
import pk.registry.imports.ImportStatus;
import pk.registry.imports.TemplateV1;
import pk.registry.imports.TooManyImportsException;
import pk.registry.kernel.Actor;

@Tag(name = "Imports")
@RestController
@RequestMapping("/api/v1/imports")
class ImportsController {

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    /**
     * An import's id in a path: a UUID, so that {@code /template} never names an import. Without
     * it a {@code GET /template} whose {@code Accept} the template cannot meet (JSON) fell through
     * to the status route, which needs a signed-in caller, past the security rule that lets
     * anyone fetch the template.
     */
    private static final String ID = "{id:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}}";

    private final HouseholdImports imports;

    ImportsController(HouseholdImports imports) {
        this.imports = imports;
    }

    @Operation(summary = "Upload household forms (template v1 CSV); 202 + Location, the import runs in the background;"
            + " 429 while the officer has as many imports running as one may (registry.imports.running-per-officer)")
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = "application/json")
    ResponseEntity<ImportStatus> upload(Actor officer, @RequestPart("file") MultipartFile file, HttpServletRequest form)
            throws IOException, ServletException {
        List<FieldError> others = partsBesideTheFile(form);
        if (!others.isEmpty()) {
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, Problems.invalid(others), null);
        }
        ImportId id = imports.accept(officer, file.getSize(), file::transferTo);
        return ResponseEntity.accepted().location(URI.create("/api/v1/imports/" + id))
                .body(imports.status(officer, id).orElseThrow());
    }

    @Operation(summary = "Status and progress: lines read, households stored and rejected, percentage of the file")
    @GetMapping(path = "/" + ID, produces = "application/json")
    ImportStatus status(Actor actor, @PathVariable ImportId id) {
        return imports.status(actor, id).orElseThrow(ImportsController::notFound);
    }

    @Operation(summary = "The error report (text/csv): line, household_ref, column, code, reason; no personal data")
    @GetMapping(path = "/" + ID + "/errors", produces = "text/csv")
    void errors(Actor actor, @PathVariable ImportId id, HttpServletResponse response) throws IOException {
        if (imports.status(actor, id).isEmpty()) {
            throw notFound();
        }
        response.setContentType(CSV.toString());
        response.setHeader("Content-Disposition", "attachment; filename=\"import-" + id + "-errors.csv\"");
        var writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        imports.writeErrors(actor, id, writer);
        writer.flush();
    }

    @Operation(summary = "The header line of template v1")
    @GetMapping(path = "/template", produces = "text/csv")
    ResponseEntity<String> template() {
        return ResponseEntity.ok().contentType(CSV).body(TemplateV1.headerLine() + "\r\n");
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> tooMany(TooManyImportsException ex) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, "60")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(Problems.of(HttpStatus.TOO_MANY_REQUESTS, ex.getMessage()));
    }

    /**
     * An upload is one file: a second file would not be imported, nor another part read, so
     * either is refused before anything is stored instead of being dropped unseen.
     */
    private static List<FieldError> partsBesideTheFile(HttpServletRequest form) throws IOException, ServletException {
        List<FieldError> errors = new ArrayList<>();
        int files = 0;
        for (Part part : form.getParts()) {
            if (!"file".equals(part.getName())) {
                errors.add(new FieldError(FieldError.callersName(part.getName()), "Unknown", "is not a part of this request"));
            }
            else if (++files == 2) {
                errors.add(new FieldError("file", "OneFile", "must be given once: upload one file per request"));
            }
        }
        return errors;
    }

    private static ErrorResponseException notFound() {
        return Problems.notFound("There is no such import.");
    }
}
