package pk.registry.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import pk.registry.kernel.Actor;
import pk.registry.kernel.Pakistan;
import pk.registry.kernel.Role;
import pk.testsupport.RegistryModuleTest;

/**
 * The {@code householdImport} job on template-v1 files: one household per defect the
 * template names, each ending as the right error row while the valid ones are stored; files
 * refused whole; restart after a failure mid-file; re-upload; and an error report, job
 * parameters and execution contexts free of personal data.
 */
@RegistryModuleTest
@SpringBatchTest
@ExtendWith(OutputCaptureExtension.class)
class HouseholdImportFunctionalTests {

    private static final Actor OFFICER = new Actor("demo-field-officer", Role.FIELD_OFFICER, Set.of("Lahore", "Kasur"), null);

    @Autowired
    JobOperatorTestUtils jobs;

    @Autowired
    JobOperator jobOperator;

    @Autowired
    HouseholdImports imports;

    @Autowired
    ImportProperties properties;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ImportNode node;

    @Autowired
    ImportRecovery recovery;

    record Defect(String name, Consumer<List<Map<String, String>>> change, int row, String column, String code) {
    }

    static String today(int plusDays) {
        return LocalDate.now(Pakistan.ZONE).plusDays(plusDays).toString();
    }

    static List<Defect> defects() {
        return List.of(
                new Defect("CNIC format", h -> h.get(0).put("cnic", "3520-21234567-1"), 0, "cnic", "ValidCnic"),
                new Defect("CNIC province", h -> h.get(0).put("cnic", "95202-1234567-1"), 0, "cnic", "ValidCnic"),
                new Defect("CNIC gender digit", h -> h.get(1).put("cnic", ImportFiles.cnic('M')), 1, "cnic", "CnicFitsGender"),
                new Defect("adult without CNIC", h -> h.get(1).put("cnic", ""), 1, "cnic", "CnicRequiredForAdults"),
                new Defect("CNIC twice in household", h -> { h.get(2).put("cnic", h.get(0).get("cnic")); h.get(2).put("date_of_birth", "1990-01-01"); }, 2, "cnic", "DistinctCnics"),
                new Defect("no HEAD", h -> h.get(0).put("relationship", "OTHER"), 0, "relationship", "ExactlyOneHead"),
                new Defect("HEAD under 18", h -> { h.get(0).put("date_of_birth", today(-365 * 17)); h.get(0).put("cnic", ""); }, 0, "date_of_birth", "HeadIsAdult"),
                new Defect("born in the future", h -> h.get(2).put("date_of_birth", today(1)), 2, "date_of_birth", "BirthDate"),
                new Defect("older than 120", h -> h.get(1).put("date_of_birth", "1890-01-01"), 1, "date_of_birth", "BirthDate"),
                new Defect("date not ISO", h -> h.get(1).put("date_of_birth", "02/02/1983"), 1, "date_of_birth", "Type"),
                new Defect("name with digits", h -> h.get(1).put("full_name", "Shazia 2"), 1, "full_name", "PersonName"),
                new Defect("name missing", h -> h.get(1).put("full_name", ""), 1, "full_name", "NotBlank"),
                new Defect("relationship", h -> h.get(1).put("relationship", "WIFE"), 1, "relationship", "OneOf"),
                new Defect("gender", h -> h.get(2).put("gender", "B"), 2, "gender", "OneOf"),
                new Defect("disability", h -> h.get(0).put("disability", "yes"), 0, "disability", "Type"),
                new Defect("education", h -> h.get(0).put("education", "HAFIZ"), 0, "education", "OneOf"),
                new Defect("employment", h -> h.get(0).put("employment", "FARMER"), 0, "employment", "OneOf"),
                new Defect("income too high", h -> h.get(0).put("monthly_income_pkr", "10000001"), 0, "monthly_income_pkr", "Max"),
                new Defect("income not whole", h -> h.get(0).put("monthly_income_pkr", "100.5"), 0, "monthly_income_pkr", "Type"),
                new Defect("district outside Punjab", h -> h.get(0).put("district", "Quetta"), 0, "district", "PunjabDistrict"),
                new Defect("district not served", h -> h.get(0).put("district", "Multan"), 0, "district", "DistrictNotServed"),
                new Defect("tehsil too long", h -> h.get(0).put("tehsil", "t".repeat(61)), 0, "tehsil", "Size"),
                new Defect("address too short", h -> h.get(0).put("address", "Home"), 0, "address", "Size"),
                new Defect("mobile", h -> h.get(0).put("mobile", "0423-5761234"), 0, "mobile", "PakistaniMobile"),
                new Defect("dwelling", h -> h.get(0).put("dwelling", "HUT"), 0, "dwelling", "OneOf"),
                new Defect("rooms zero", h -> h.get(0).put("rooms", "0"), 0, "rooms", "Min"),
                new Defect("rooms not a number", h -> h.get(0).put("rooms", "two"), 0, "rooms", "Type"),
                new Defect("rooms in Arabic-Indic digits", h -> h.get(0).put("rooms", "٢"), 0, "rooms", "Type"),
                new Defect("income in Arabic-Indic digits", h -> h.get(1).put("monthly_income_pkr", "١٠٠٠"), 1, "monthly_income_pkr", "Type"),
                new Defect("land in Extended Arabic-Indic digits", h -> h.get(0).put("land_acres", "۱.۵"), 0, "land_acres", "Type"),
                new Defect("livestock in Devanagari digits", h -> h.get(0).put("livestock", "२"), 0, "livestock", "Type"),
                new Defect("bill with one fullwidth digit", h -> h.get(0).put("electricity_bill_pkr", "1０"), 0, "electricity_bill_pkr", "Type"),
                new Defect("land decimals", h -> h.get(0).put("land_acres", "1.234"), 0, "land_acres", "Digits"),
                new Defect("livestock", h -> h.get(0).put("livestock", "10001"), 0, "livestock", "Max"),
                new Defect("has_car", h -> h.get(0).put("has_car", "maybe"), 0, "has_car", "Type"),
                new Defect("electricity bill", h -> h.get(0).put("electricity_bill_pkr", "1000001"), 0, "electricity_bill_pkr", "Max"),
                new Defect("gas bill", h -> h.get(0).put("gas_bill_pkr", "-1"), 0, "gas_bill_pkr", "Min"),
                new Defect("expenses", h -> h.get(0).put("monthly_expenses_pkr", "10000001"), 0, "monthly_expenses_pkr", "Max"),
                new Defect("unknown policy", h -> h.get(0).put("consent_policy_version", "1999-01"), 0, "consent_policy_version", "UnknownPolicyVersion"),
                new Defect("policy not in force", h -> h.get(0).put("consent_obtained_on", "2024-06-01"), 0, "consent_policy_version", "PolicyNotInForce"),
                new Defect("required purpose missing", h -> h.get(0).put("consent_purposes", "IDENTITY_VERIFICATION"), 0, "consent_purposes", "RequiredPurposeMissing"),
                new Defect("unknown purpose", h -> h.get(0).put("consent_purposes", "IDENTITY_VERIFICATION;ELIGIBILITY_ASSESSMENT;MARKETING"), 0, "consent_purposes", "KnownPurpose"),
                new Defect("consent in the future", h -> h.get(0).put("consent_obtained_on", today(2)), 0, "consent_obtained_on", "NotInFuture"),
                new Defect("household field differs on a member row", h -> h.get(1).put("district", "Kasur"), 1, "district", "HouseholdFieldMismatch"),
                new Defect("a value past the header's columns", h -> h.get(1).put(ImportFiles.BEYOND_HEADER, "Shazia Bibi"), 1, "", "CellsBeyondHeader"),
                new Defect("household_ref characters", h -> h.forEach(r -> r.put("household_ref", "F#1")), 0, "household_ref", "HouseholdRef"));
    }

    @Test
    void eachDefectEndsAsItsErrorRowAndTheValidHouseholdsAreStored() throws Exception {
        ImportFiles file = new ImportFiles();
        List<Map<String, String>> valid = new ArrayList<>();
        valid.addAll(file.household("V-1"));
        List<long[]> expectedLines = new ArrayList<>();
        List<Defect> defects = defects();
        for (int i = 0; i < defects.size(); i++) {
            List<Map<String, String>> household = file.household("D-" + i);
            defects.get(i).change().accept(household);
            expectedLines.add(new long[] { file.line(household.get(defects.get(i).row())) });
        }
        valid.addAll(file.household("V-2"));
        List<Map<String, String>> registered = file.household("D-registered");
        registered.get(0).put("cnic", valid.get(0).get("cnic"));
        List<Map<String, String>> split = file.household("V-1");
        split.forEach(row -> row.put("cnic", row.get("cnic").isEmpty() ? "" : ImportFiles.cnic(row.get("gender").charAt(0))));
        List<Map<String, String>> numberedByCnic = file.household("numbered-by-cnic");
        String headsCnic = numberedByCnic.get(0).get("cnic").replace("-", "");
        numberedByCnic.forEach(row -> row.put("household_ref", headsCnic));
        numberedByCnic.get(0).put("district", "Multan");
        List<Map<String, String>> trailingBlankCell = file.household("V-3");
        trailingBlankCell.get(0).put(ImportFiles.BEYOND_HEADER, "");
        valid.addAll(trailingBlankCell);

        ImportId id = stage(file.csv());
        JobExecution execution = jobs.startJob(parameters(id));

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        ImportStatus status = imports.status(OFFICER, id).orElseThrow();
        assertThat(status.householdsStored()).isEqualTo(3);
        assertThat(status.householdsRejected()).isEqualTo(defects.size() + 3);
        assertThat(status.percent()).isEqualTo(100);
        assertThat(status.linesRead()).isEqualTo(file.rows.size() + 1);
        List<String> errors = errorRows(id);
        for (int i = 0; i < defects.size(); i++) {
            Defect defect = defects.get(i);
            String expected = expectedLines.get(i)[0] + "," + (defect.column().equals("household_ref") ? "" : "D-" + i)
                    + "," + defect.column() + "," + defect.code() + ",";
            assertThat(errors).as(defect.name()).anyMatch(row -> row.startsWith(expected));
        }
        assertThat(errors).anyMatch(row -> row.startsWith(file.line(registered.get(0)) + ",D-registered,cnic,AlreadyRegistered,"));
        assertThat(errors).anyMatch(row -> row.startsWith(file.line(split.get(0)) + ",V-1,household_ref,HouseholdSplit,"));
        assertThat(errors).as("a form number that is a CNIC keeps its last four digits only").anyMatch(row -> row.startsWith(
                file.line(numberedByCnic.get(0)) + ",*********" + headsCnic.substring(9) + ",district,DistrictNotServed,"));
        assertThat(Files.exists(node.staged(id))).isFalse();

        String report = errorReport(id);
        for (Map<String, String> row : file.rows) {
            for (String column : List.of("cnic", "full_name", "mobile", "address")) {
                String value = row.get(column);
                if (value != null && value.length() > 4) {
                    assertThat(report).doesNotContain(value).doesNotContain(value.replace("-", ""));
                }
            }
        }
        String batchTables = String.join("\n", jdbc.sql("""
                SELECT PARAMETER_VALUE FROM BATCH_JOB_EXECUTION_PARAMS
                UNION ALL SELECT SHORT_CONTEXT FROM BATCH_STEP_EXECUTION_CONTEXT
                UNION ALL SELECT SHORT_CONTEXT FROM BATCH_JOB_EXECUTION_CONTEXT
                UNION ALL SELECT COALESCE(EXIT_MESSAGE, '') FROM BATCH_STEP_EXECUTION""").query(String.class).list());
        for (Map<String, String> row : file.rows) {
            if (!row.get("full_name").isEmpty()) {
                assertThat(batchTables).doesNotContain(row.get("full_name"));
            }
            if (!row.get("cnic").isEmpty()) {
                assertThat(batchTables).doesNotContain(row.get("cnic")).doesNotContain(row.get("cnic").replace("-", ""));
            }
        }
    }

    @Test
    void aBadHeaderFailsTheWholeFileAndStoresNothing() throws Exception {
        long before = householdCount();
        for (String header : List.of(TemplateV1.headerLine() + ",favourite_colour", TemplateV1.headerLine().replace("mobile,", ""),
                TemplateV1.headerLine() + ",cnic")) {
            ImportFiles file = new ImportFiles();
            file.household("H-1");
            String csv = file.csv();
            ImportId id = stage(header + csv.substring(csv.indexOf("\r\n")));

            JobExecution execution = jobs.startJob(parameters(id));

            assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
            ImportStatus status = imports.status(OFFICER, id).orElseThrow();
            assertThat(status.status()).isEqualTo(ImportState.FAILED);
            assertThat(status.failure()).containsAnyOf("not a template-v1 column", "missing", "more than once");
            assertThat(Files.exists(node.staged(id))).isFalse();
        }
        assertThat(householdCount()).isEqualTo(before);
    }

    @Test
    void aFileThatIsNotUtf8TextCsvFailsWhole(CapturedOutput output) throws Exception {
        long before = householdCount();
        ImportFiles file = new ImportFiles();
        file.household("H-1").get(0).put("full_name", "José Núñez");
        byte[] latin1 = file.csv().getBytes(StandardCharsets.ISO_8859_1);
        byte[] binary = new byte[4096];
        new java.util.Random(7).nextBytes(binary);
        ImportFiles unterminated = new ImportFiles();
        unterminated.household("H-2");
        String open = unterminated.csv().replace("Mohalla Islampura Street 7", "\"Mohalla Islampura Street 7");

        Map<byte[], String> reasons = new java.util.LinkedHashMap<>();
        reasons.put(latin1, "not UTF-8");
        reasons.put(binary, "not");
        reasons.put((TemplateV1.headerLine() + "\r\n" + "H-9,\u0000\u0000\r\n").getBytes(StandardCharsets.UTF_8), "NUL");
        reasons.put(open.getBytes(StandardCharsets.UTF_8), "not valid CSV");
        reasons.put(unterminated.csv().replace("\r\n", "\r").getBytes(StandardCharsets.UTF_8),
                "line 1 ends with a carriage return (CR) alone");
        for (Map.Entry<byte[], String> refused : reasons.entrySet()) {
            byte[] content = refused.getKey();
            ImportId id = imports.stage(OFFICER, content.length, target -> Files.write(target, content));

            assertThat(jobs.startJob(parameters(id)).getStatus()).isEqualTo(BatchStatus.FAILED);
            assertThat(imports.status(OFFICER, id).orElseThrow().failure()).contains(refused.getValue());
        }
        assertThat(output.getAll()).as("a refused file is one WARN line, without a stack trace")
                .contains("refused: the file is not valid CSV").contains("refused: line 1 ends with a carriage return")
                .doesNotContain("ImportFileException")
                .doesNotContain("Mohalla Islampura");
        assertThat(householdCount()).isEqualTo(before);
    }

    @Test
    void aByteOrderMarkIsAccepted() throws Exception {
        ImportFiles file = new ImportFiles();
        file.household("B-1");

        ImportId id = stage("\uFEFF" + file.csv());

        assertThat(jobs.startJob(parameters(id)).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(imports.status(OFFICER, id).orElseThrow().householdsStored()).isEqualTo(1);
    }

    /** RFC 4180: a line break in a quoted value, a carriage return alone too, is part of the value. */
    @Test
    void aLineBreakInAQuotedValueIsPartOfIt() throws Exception {
        ImportFiles file = new ImportFiles();
        file.household("Q-1").get(0).put("address", "House 12, Street 4\rModel Town");
        file.household("Q-2").get(0).put("address", "House 14, Street 4\r\nModel Town");

        ImportId id = stage(file.csv());

        assertThat(jobs.startJob(parameters(id)).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(imports.status(OFFICER, id).orElseThrow().householdsStored()).isEqualTo(2);
    }

    @Test
    void aRestartAfterAFailureMidFileEndsWithExactlyTheValidHouseholds() throws Exception {
        ImportFiles file = new ImportFiles();
        for (int i = 0; i < 450; i++) {
            List<Map<String, String>> household = file.household("R-" + i);
            if (i % 50 == 7) {
                household.get(0).put("rooms", "0");
            }
        }
        long before = householdCount();
        FailOnce.reset(301);
        jdbc.sql("CREATE TRIGGER fail_once BEFORE INSERT ON household FOR EACH ROW CALL \"" + FailOnce.class.getName() + "\"")
                .update();
        ImportId id = stage(file.csv());
        JobExecution first = jobs.startJob(parameters(id));

        assertThat(first.getStatus()).isEqualTo(BatchStatus.FAILED);
        ImportStatus halfway = imports.status(OFFICER, id).orElseThrow();
        assertThat(halfway.householdsStored() + halfway.householdsRejected()).isEqualTo(200);
        assertThat(Files.exists(node.staged(id))).as("kept to resume").isTrue();

        jdbc.sql("DROP TRIGGER fail_once").update();
        // Nobody restarts it by hand: once its lease has run out, the node resumes it.
        jdbc.sql("UPDATE household_import SET lease_until = NULL WHERE id = :id").param("id", id.toString()).update();
        recovery.resumeInterrupted();

        ImportStatus done = awaitEnd(id);
        assertThat(done.status()).isEqualTo(ImportState.COMPLETED);
        assertThat(done.householdsStored()).isEqualTo(441);
        assertThat(done.householdsRejected()).isEqualTo(9);
        assertThat(householdCount() - before).isEqualTo(441);
        assertThat(errorRows(id)).hasSize(9);
    }

    @Test
    void anImportThatKeepsFailingIsGivenUpAfterThreeAttemptsAndItsFileDeleted() throws Exception {
        ImportFiles file = new ImportFiles();
        file.household("G-1");
        jdbc.sql("CREATE TRIGGER fail_always BEFORE INSERT ON household FOR EACH ROW CALL \"" + FailAlways.class.getName() + "\"")
                .update();
        try {
            ImportId id = stage(file.csv());
            assertThat(jobs.startJob(parameters(id)).getStatus()).isEqualTo(BatchStatus.FAILED);
            for (int attempt = 2; attempt <= ImportRecovery.MAX_ATTEMPTS + 1; attempt++) {
                jdbc.sql("UPDATE household_import SET lease_until = NULL WHERE id = :id").param("id", id.toString()).update();
                long executionsBefore = executions(id);
                recovery.resumeInterrupted();
                for (int i = 0; i < 200 && executions(id) == executionsBefore
                        && imports.status(OFFICER, id).orElseThrow().finishedAt() == null; i++) {
                    Thread.sleep(50);
                }
                awaitNotRunning(id);
            }
            ImportStatus status = imports.status(OFFICER, id).orElseThrow();
            assertThat(executions(id)).isEqualTo(ImportRecovery.MAX_ATTEMPTS);
            assertThat(status.status()).isEqualTo(ImportState.FAILED);
            assertThat(status.finishedAt()).isNotNull();
            assertThat(status.failure()).contains("given up");
            // The recovery thread deletes the file just after it records the import given up.
            for (int i = 0; i < 100 && Files.exists(node.staged(id)); i++) {
                Thread.sleep(50);
            }
            assertThat(Files.exists(node.staged(id))).isFalse();
        }
        finally {
            jdbc.sql("DROP TRIGGER fail_always").update();
        }
    }

    /** An H2 trigger that fails every insert. */
    public static class FailAlways implements org.h2.api.Trigger {
        @Override
        public void fire(java.sql.Connection connection, Object[] oldRow, Object[] newRow) throws java.sql.SQLException {
            throw new java.sql.SQLException("simulated persistent failure");
        }
    }

    private long executions(ImportId id) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_EXECUTION_PARAMS p
                ON p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID WHERE p.PARAMETER_VALUE = :id""")
                .param("id", id.toString()).query(Long.class).single();
    }

    private void awaitNotRunning(ImportId id) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            if (!imports.status(OFFICER, id).orElseThrow().status().isRunning()) {
                return;
            }
            Thread.sleep(50);
        }
    }

    @Test
    void reUploadingTheSameFileStoresNothingNew() throws Exception {
        ImportFiles file = new ImportFiles();
        for (int i = 0; i < 5; i++) {
            file.household("U-" + i);
        }
        String csv = file.csv();
        jobs.startJob(parameters(stage(csv)));
        long after = householdCount();

        ImportId again = stage(csv);
        assertThat(jobs.startJob(parameters(again)).getStatus()).isEqualTo(BatchStatus.COMPLETED);

        assertThat(householdCount()).isEqualTo(after);
        ImportStatus status = imports.status(OFFICER, again).orElseThrow();
        assertThat(status.householdsStored()).isZero();
        assertThat(status.householdsRejected()).isEqualTo(5);
        assertThat(errorRows(again)).allMatch(row -> row.contains(",cnic,AlreadyRegistered,"));
    }

    @Test
    void onlyTheUploadingOfficerAndTheDpoSeeAnImport() throws Exception {
        ImportFiles file = new ImportFiles();
        file.household("S-1");
        ImportId id = stage(file.csv());

        assertThat(imports.status(new Actor("another-officer", Role.FIELD_OFFICER, Set.of("Lahore"), null), id)).isEmpty();
        assertThat(imports.status(new Actor("demo-dpo", Role.DPO, Set.of(), null), id)).isPresent();
    }

    /** An H2 trigger that fails one insert, like a database failing mid-chunk. */
    public static class FailOnce implements org.h2.api.Trigger {
        private static final java.util.concurrent.atomic.AtomicInteger COUNT = new java.util.concurrent.atomic.AtomicInteger();
        private static volatile int failAt;

        static void reset(int at) {
            COUNT.set(0);
            failAt = at;
        }

        @Override
        public void fire(java.sql.Connection connection, Object[] oldRow, Object[] newRow) throws java.sql.SQLException {
            if (COUNT.incrementAndGet() == failAt) {
                throw new java.sql.SQLException("simulated failure mid-file");
            }
        }
    }

    private ImportId stage(String csv) {
        byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
        return imports.stage(OFFICER, bytes.length, target -> Files.write(target, bytes));
    }

    private static org.springframework.batch.core.job.parameters.JobParameters parameters(ImportId id) {
        return new JobParametersBuilder().addString(HouseholdImportJobConfiguration.IMPORT_ID, id.toString()).toJobParameters();
    }

    private ImportStatus awaitEnd(ImportId id) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            ImportStatus status = imports.status(OFFICER, id).orElseThrow();
            if (status.completed() || status.finishedAt() != null) {
                return status;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the import did not end in time");
    }

    private long householdCount() {
        return jdbc.sql("SELECT COUNT(*) FROM household").query(Long.class).single();
    }

    private String errorReport(ImportId id) throws Exception {
        StringWriter out = new StringWriter();
        imports.writeErrors(OFFICER, id, out);
        return out.toString();
    }

    private List<String> errorRows(ImportId id) throws Exception {
        List<String> lines = new ArrayList<>(List.of(errorReport(id).split("\r\n")));
        lines.remove(0);
        return lines;
    }
}
