package pk.registry.imports;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.batch.infrastructure.item.ItemProcessor;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import pk.registry.consent.ConsentForm;
import pk.registry.consent.ConsentManagement;
import pk.registry.household.FieldForm;
import pk.registry.household.HouseholdForm;
import pk.registry.household.HouseholdManagement;
import pk.registry.household.MemberForm;
import pk.registry.household.PunjabDistricts;
import pk.registry.kernel.Actor;
import pk.registry.kernel.Pakistan;

/**
 * Turns a household's rows into the household module's forms and checks them with the same
 * rule set as the web API, plus what only an upload has: the officer's districts, household
 * columns that disagree with the HEAD row, the consent columns. Every error names its line
 * and column; none repeats a value. A household that passes is sealed here, so that the
 * writer only stores.
 */
class HouseholdRowsProcessor implements ItemProcessor<HouseholdRows, ImportItem> {

    private final Validator validator;
    private final ConsentManagement consents;
    private final HouseholdManagement households;
    private final Actor officer;
    private final Clock clock;

    HouseholdRowsProcessor(Validator validator, ConsentManagement consents, HouseholdManagement households, Actor officer,
            Clock clock) {
        this.validator = validator;
        this.consents = consents;
        this.households = households;
        this.officer = officer;
        this.clock = clock;
    }

    @Override
    public ImportItem process(HouseholdRows household) {
        Errors errors = new Errors(household.householdRef(), household.problems());
        List<CsvRow> rows = household.rows();
        CsvRow head = rows.stream().filter(row -> "HEAD".equals(row.get("relationship"))).findFirst().orElse(rows.get(0));
        if (!HouseholdCsvReader.REF.matcher(household.householdRef()).matches()) {
            errors.add(head.line(), "household_ref", "HouseholdRef", "must be 1-40 characters of A-Z a-z 0-9 - _ /");
        }
        for (CsvRow row : rows) {
            if (row == head) {
                continue;
            }
            for (String column : TemplateV1.HOUSEHOLD) {
                String value = row.get(column);
                if (value != null && !value.equals(head.get(column))) {
                    errors.add(row.line(), column, "HouseholdFieldMismatch", "must be blank or equal to the HEAD row's value");
                }
            }
        }
        List<MemberForm> members = new ArrayList<>();
        for (CsvRow row : rows) {
            Parser p = new Parser(row, errors);
            members.add(new MemberForm(row.get("cnic"), row.get("full_name"), row.get("relationship"), row.get("gender"),
                    p.date("date_of_birth"), p.yesNo("disability"), row.get("education"), row.get("employment"),
                    p.number("monthly_income_pkr", Long::valueOf)));
        }
        Parser h = new Parser(head, errors);
        HouseholdForm form = new HouseholdForm(head.get("district"), head.get("tehsil"), head.get("address"),
                head.get("mobile"), head.get("dwelling"), h.number("rooms", Integer::valueOf),
                h.number("land_acres", BigDecimal::new), h.number("livestock", Integer::valueOf), h.yesNo("has_motorcycle"),
                h.yesNo("has_car"), h.number("electricity_bill_pkr", Long::valueOf), h.number("gas_bill_pkr", Long::valueOf),
                h.number("monthly_expenses_pkr", Long::valueOf), members);
        for (ConstraintViolation<HouseholdForm> violation : validator.validate(form)) {
            Location location = locate(violation.getPropertyPath().toString(), rows, head);
            if (!errors.failed(location.line(), location.column())) {
                errors.add(location.line(), location.column(), code(violation), violation.getMessage());
            }
        }
        if (form.district() != null && PunjabDistricts.canonical(form.district())
                .filter(district -> !officer.serves(district)).isPresent()) {
            errors.add(head.line(), "district", "DistrictNotServed", "is not one of the districts you serve");
        }
        ConsentForm consent = new ConsentForm(head.get("consent_policy_version"), head.get("consent_purposes") == null
                ? List.of() : Arrays.stream(head.get("consent_purposes").split(";")).map(String::strip).toList());
        LocalDate obtainedOn = h.date("consent_obtained_on");
        if (obtainedOn == null && !errors.failed(head.line(), "consent_obtained_on")) {
            errors.add(head.line(), "consent_obtained_on", "NotNull", "is required");
        }
        if (obtainedOn != null && obtainedOn.isAfter(Pakistan.today(clock))) {
            errors.add(head.line(), "consent_obtained_on", "NotInFuture", "must not be in the future");
        }
        boolean consentWellFormed = true;
        for (ConstraintViolation<ConsentForm> violation : validator.validate(consent)) {
            consentWellFormed = false;
            String column = violation.getPropertyPath().toString().startsWith("policyVersion") ? "consent_policy_version"
                    : "consent_purposes";
            errors.add(head.line(), column, code(violation), violation.getMessage());
        }
        if (consentWellFormed && obtainedOn != null) {
            consents.check(consent, obtainedOn).forEach(problem -> errors.add(head.line(),
                    problem.field().equals("policyVersion") ? "consent_policy_version" : "consent_purposes",
                    problem.code(), problem.message()));
        }
        if (!errors.list().isEmpty()) {
            return new ImportItem(household, null, errors.list());
        }
        return new ImportItem(household, households.seal(new FieldForm(form, consent, obtainedOn)),
                List.of());
    }

    private static String code(ConstraintViolation<?> violation) {
        return violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
    }

    /** Where a rule-set violation belongs in the file. */
    private record Location(long line, String column) {
    }

    private static Location locate(String path, List<CsvRow> rows, CsvRow head) {
        if (path.startsWith("members[")) {
            int index = Integer.parseInt(path.substring(8, path.indexOf(']')));
            String field = path.substring(path.indexOf(']') + 1);
            return new Location(rows.get(index).line(), field.startsWith(".") ? snake(field.substring(1)) : "relationship");
        }
        if (path.equals("members")) {
            return new Location(rows.get(0).line(), "relationship");
        }
        return new Location(head.line(), snake(path));
    }

    static String snake(String camel) {
        return camel.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }

    /** Collects errors, remembering which cells already failed so one cell reports one fault. */
    private static final class Errors {
        private final String ref;
        private final List<RowError> list;
        private final Set<String> failed = new HashSet<>();

        Errors(String ref, List<RowError> initial) {
            this.ref = HouseholdCsvReader.REF.matcher(ref).matches() ? ref : "";
            this.list = new ArrayList<>(initial);
        }

        void add(long line, String column, String code, String message) {
            failed.add(line + ":" + column);
            list.add(new RowError(line, ref.isEmpty() ? null : ref, column, code, message));
        }

        boolean failed(long line, String column) {
            return failed.contains(line + ":" + column);
        }

        List<RowError> list() {
            return list;
        }
    }

    /**
     * Parses typed cells; a cell that is not of its type (a number in other than ASCII digits
     * included) is a "Type" error and becomes null.
     */
    private static final class Parser {
        private final CsvRow row;
        private final Errors errors;

        Parser(CsvRow row, Errors errors) {
            this.row = row;
            this.errors = errors;
        }

        <T> @Nullable T number(String column, Function<String, T> parse) {
            String value = row.get(column);
            if (value == null) {
                return null;
            }
            try {
                return parse.apply(ascii(value));
            }
            catch (NumberFormatException ex) {
                errors.add(row.line(), column, "Type", "must be a number");
                return null;
            }
        }

        /**
         * The text if it is ASCII: Java's number parsers read any script's digits ({@code ٢}
         * as 2), while the template's numbers are ASCII and nothing looser.
         */
        private static String ascii(String value) {
            for (int i = 0; i < value.length(); i++) {
                if (value.charAt(i) > 0x7F) {
                    throw new NumberFormatException("not ASCII");
                }
            }
            return value;
        }

        @Nullable LocalDate date(String column) {
            String value = row.get(column);
            if (value == null) {
                return null;
            }
            try {
                return IsoDates.parse(value);
            }
            catch (DateTimeException ex) {
                errors.add(row.line(), column, "Type", "must be an ISO date YYYY-MM-DD");
                return null;
            }
        }

        @Nullable Boolean yesNo(String column) {
            String value = row.get(column);
            if (value == null) {
                return null;
            }
            return switch (value) {
                case "Y" -> true;
                case "N" -> false;
                default -> {
                    errors.add(row.line(), column, "Type", "must be Y or N");
                    yield null;
                }
            };
        }
    }
}
