package pk.registry.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.withSettings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.validation.Validation;
import jakarta.validation.Validator;

import org.springframework.batch.infrastructure.item.ExecutionContext;

import com.code_intelligence.jazzer.junit.FuzzTest;

import pk.registry.consent.ConsentForm;
import pk.registry.consent.ConsentManagement;
import pk.registry.consent.ConsentProblem;
import pk.registry.household.HouseholdManagement;
import pk.registry.kernel.Actor;
import pk.registry.kernel.Role;
import pk.testsupport.TimedInputs;

/**
 * Any bytes uploaded as a template-v1 file go through what the import does with them, the
 * whole-file check, the reader that groups rows into households and the rule set, and end
 * in one of the documented outcomes only: the file is refused ({@link ImportFileException}),
 * or every household is either sealed or kept out with row errors that name a line and a
 * template column. Nothing else may be thrown, and each input is done in seconds at most.
 * Replays {@code HouseholdCsvFuzzTestsInputs/} in every build; {@code JAZZER_FUZZ=1} fuzzes it
 * (README, "Fuzzing"). The consent module's policy lookup and the household module's sealing
 * are stand-ins: they need the database and keys, and take no part in reading the file.
 */
class HouseholdCsvFuzzTests {

    /**
     * The smallest record limit the service may be configured with ({@code @Min(1024)} on
     * {@link ImportProperties#maxRecordChars}), so that inputs of a few kilobytes reach it.
     */
    static final int MAX_RECORD_CHARS = 1024;

    /** Far above what a file of a few kilobytes takes; an input slower than this is a finding. */
    static final Duration PER_INPUT = Duration.ofSeconds(5);

    private static final TimedInputs TIMED = new TimedInputs(PER_INPUT);

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T07:00:00Z"), ZoneOffset.UTC);

    static final Validator VALIDATOR = Validation.byDefaultProvider().configure().clockProvider(() -> CLOCK)
            .buildValidatorFactory().getValidator();

    static final Actor OFFICER = new Actor("officer", Role.FIELD_OFFICER, Set.of("Lahore", "Kasur"), null);

    static final Path FILE = stagingFile();

    static Path stagingFile() {
        try {
            Path file = Files.createTempFile("fuzz-import-", ".csv");
            file.toFile().deleteOnExit();
            return file;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** The policy 2025-01 requires the two registration purposes; any other version is unknown. */
    final ConsentManagement consents = mock(ConsentManagement.class, withSettings().stubOnly());

    /** Sealing (encryption, blind indexes) is counted, not done. */
    final HouseholdManagement households = mock(HouseholdManagement.class, withSettings().stubOnly());

    final AtomicInteger sealed = new AtomicInteger();

    final HouseholdRowsProcessor processor = new HouseholdRowsProcessor(VALIDATOR, consents, households, OFFICER, CLOCK);

    HouseholdCsvFuzzTests() {
        given(consents.check(any(), any())).willAnswer(call -> policyProblems(call.getArgument(0)));
        given(households.seal(any())).willAnswer(call -> {
            sealed.incrementAndGet();
            return null;
        });
    }

    static List<ConsentProblem> policyProblems(ConsentForm consent) {
        if (!"2025-01".equals(consent.policyVersion())) {
            return List.of(new ConsentProblem("policyVersion", "UnknownPolicyVersion", "is not a known policy version"));
        }
        if (!consent.purposes().containsAll(List.of("IDENTITY_VERIFICATION", "ELIGIBILITY_ASSESSMENT"))) {
            return List.of(new ConsentProblem("purposes", "RequiredPurposeMissing", "must include every required purpose"));
        }
        return List.of();
    }

    @FuzzTest(maxDuration = "5m")
    void anyFileIsRefusedOrEndsInSealedHouseholdsAndRowErrors(byte[] file) throws Throwable {
        TIMED.run(() -> importFile(file));
    }

    /**
     * The same, for rows under a valid header: the fuzzer spends its time on the rows and the
     * rule set rather than on finding the header.
     */
    @FuzzTest(maxDuration = "5m")
    void anyRowsUnderTheTemplateHeaderEndInSealedHouseholdsAndRowErrors(byte[] rows) throws Throwable {
        byte[] header = (TemplateV1.headerLine() + "\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] file = new byte[header.length + rows.length];
        System.arraycopy(header, 0, file, 0, header.length);
        System.arraycopy(rows, 0, file, header.length, rows.length);
        TIMED.run(() -> importFile(file));
    }

    private void importFile(byte[] bytes) throws IOException {
        Files.write(FILE, bytes);
        try {
            FileCheck.check(FILE, MAX_RECORD_CHARS);
        }
        catch (ImportFileException refused) {
            assertThat(refused.getMessage()).isNotBlank();
            return;
        }
        // A file that passed the check is read to its end without being refused half-way.
        sealed.set(0);
        List<ImportItem> items = new ArrayList<>();
        HouseholdCsvReader reader = new HouseholdCsvReader(FILE, MAX_RECORD_CHARS);
        reader.open(new ExecutionContext());
        try {
            HouseholdRows household;
            while ((household = reader.read()) != null) {
                assertThat(household.rows()).isNotEmpty();
                items.add(processor.process(household));
            }
        }
        finally {
            reader.close();
        }
        for (ImportItem item : items) {
            assertThat(item.sealed()).isNull();
            for (RowError error : item.errors()) {
                assertThat(error.line()).isPositive();
                if (error.column() != null || !error.code().equals("CellsBeyondHeader")) {
                    assertThat(error.column()).isIn(TemplateV1.columns().toArray());
                }
                assertThat(error.code()).isNotBlank();
                assertThat(error.message()).isNotBlank();
                if (error.householdRef() != null) {
                    assertThat(error.householdRef()).as("the form number as written, but for a CNIC's or mobile's digits")
                            .matches(HouseholdCsvReader.REF.pattern().replace("]", "*]")).doesNotContainPattern("\\d{10}")
                            .hasSameSizeAs(item.source().householdRef());
                    for (int i = 0; i < error.householdRef().length(); i++) {
                        assertThat(error.householdRef().charAt(i)).isIn(item.source().householdRef().charAt(i), '*');
                    }
                }
            }
        }
        assertThat(sealed).hasValue((int) items.stream().filter(item -> item.errors().isEmpty()).count());
    }

}
