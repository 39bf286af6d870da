package pk.registry.household.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import pk.registry.household.HouseholdScores;
import pk.registry.household.PmtFactor;
import pk.registry.household.PmtModel;
import pk.registry.household.PmtModelConflictException;
import pk.registry.household.PmtModelVersion;
import pk.registry.household.RescoringProgress;
import pk.registry.http.Problems;

@Tag(name = "Administration: proxy means test")
@RestController
@RequestMapping(path = "/api/v1/admin/pmt-models", produces = "application/json")
class PmtModelsController {

    private static final String VERSION = "[A-Za-z0-9.\\-]{1,20}";

    private final HouseholdScores scores;

    PmtModelsController(HouseholdScores scores) {
        this.scores = scores;
    }

    /**
     * A new model version: a base and a weight per factor, no finer than their columns keep
     * them (base two decimals, a weight four), so that nothing published is rounded when stored.
     */
    record NewModel(@NotBlank @Pattern(regexp = VERSION) String version,
            @NotNull @DecimalMin("-100") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal base,
            @NotEmpty Map<PmtFactor, @NotNull @DecimalMin("-100") @DecimalMax("100") @Digits(integer = 3, fraction = 4) BigDecimal> weights) {
    }

    /** A model version with how far rescoring under it has come. */
    record ModelView(PmtModel model, boolean active, Instant publishedAt, @Nullable Instant activatedAt,
            RescoringProgress rescoring) {

        static ModelView of(PmtModelVersion version, RescoringProgress rescoring) {
            return new ModelView(version.model(), version.active(), version.publishedAt(), version.activatedAt(), rescoring);
        }
    }

    @Operation(summary = "Every model version of the proxy means test, newest first, the active one marked")
    @GetMapping
    List<PmtModelVersion> models() {
        return scores.models();
    }

    @Operation(summary = "One model version, with rescoring progress (households scored under it, of all)")
    @GetMapping("/{version}")
    ModelView model(@PathVariable @Pattern(regexp = VERSION) String version) {
        PmtModelVersion model = scores.models().stream().filter(candidate -> candidate.model().version().equals(version))
                .findFirst().orElseThrow(() -> Problems.notFound("There is no such model version."));
        return ModelView.of(model, scores.progress(version));
    }

    @Operation(summary = "Publish a model version (not active yet); versions never change",
            description = "Base and weights from -100 to 100; the base with at most 2 decimals, a weight 4 (a finer one is a 400, never rounded).")
    @PostMapping(consumes = "application/json")
    ResponseEntity<PmtModel> publish(@Valid @RequestBody NewModel request) {
        PmtModel model = new PmtModel(request.version(), request.base(), new EnumMap<>(request.weights()));
        scores.publish(model);
        return ResponseEntity.created(URI.create("/api/v1/admin/pmt-models/" + model.version())).body(model);
    }

    @Operation(summary = "Make a version the active one: 202, every household is rescored in the background",
            description = "Follow the rescoring at the Location (households scored under the version, of all). "
                    + "A version never published is 404.")
    @PostMapping("/{version}/activation")
    ResponseEntity<RescoringProgress> activate(@PathVariable @Pattern(regexp = VERSION) String version) {
        if (!scores.activate(version)) {
            throw Problems.notFound("There is no such model version.");
        }
        return ResponseEntity.accepted().location(URI.create("/api/v1/admin/pmt-models/" + version))
                .body(scores.progress(version));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> conflict(PmtModelConflictException ex) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(Problems.of(HttpStatus.CONFLICT, ex.getMessage()));
    }
}
