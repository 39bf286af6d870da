package pk.registry.household;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One field of a household set to a new value, given as text the way a person writes it: the
 * field as a path ({@code rooms}, {@code members[2].employment}), the value parsed to the
 * field's type. The result still has to pass the rule set. A CNIC, the members themselves and
 * the district are not corrected this way: they change who is in the registry and where, and go
 * to the DPO.
 */
record FieldCorrection(String field, String value) {

    static final Set<String> HOUSEHOLD_FIELDS = Set.of("tehsil", "address", "mobile", "dwelling", "rooms", "landAcres",
            "livestock", "hasMotorcycle", "hasCar", "electricityBillPkr", "gasBillPkr", "monthlyExpensesPkr");
    static final Set<String> MEMBER_FIELDS = Set.of("fullName", "relationship", "gender", "dateOfBirth", "disability",
            "education", "employment", "monthlyIncomePkr");

    private static final Pattern MEMBER = Pattern.compile("members\\[(\\d{1,2})]\\.([A-Za-z]+)");

    /**
     * The form with the field set to the value.
     * @throws CorrectionRejectedException if the field cannot be corrected or the value is not of its type
     */
    HouseholdForm applyTo(HouseholdForm form) {
        if (HOUSEHOLD_FIELDS.contains(field)) {
            return household(form);
        }
        Matcher member = MEMBER.matcher(field);
        if (member.matches() && MEMBER_FIELDS.contains(member.group(2))) {
            int index = Integer.parseInt(member.group(1));
            if (index >= form.members().size()) {
                throw new CorrectionRejectedException(field, "NoSuchMember", "names a member the household does not have");
            }
            List<MemberForm> members = new ArrayList<>(form.members());
            members.set(index, member(members.get(index), member.group(2)));
            return new HouseholdForm(form.district(), form.tehsil(), form.address(), form.mobile(), form.dwelling(),
                    form.rooms(), form.landAcres(), form.livestock(), form.hasMotorcycle(), form.hasCar(),
                    form.electricityBillPkr(), form.gasBillPkr(), form.monthlyExpensesPkr(), members);
        }
        throw new CorrectionRejectedException("field", "NotCorrectable",
                "is not a field a household corrects itself; a CNIC, the members and the district go to the DPO");
    }

    private HouseholdForm household(HouseholdForm f) {
        String v = value;
        return new HouseholdForm(f.district(),
                field.equals("tehsil") ? v : f.tehsil(), field.equals("address") ? v : f.address(),
                field.equals("mobile") ? v : f.mobile(), field.equals("dwelling") ? v : f.dwelling(),
                field.equals("rooms") ? parse(Integer::valueOf) : f.rooms(),
                field.equals("landAcres") ? parse(BigDecimal::new) : f.landAcres(),
                field.equals("livestock") ? parse(Integer::valueOf) : f.livestock(),
                field.equals("hasMotorcycle") ? yesNo() : f.hasMotorcycle(), field.equals("hasCar") ? yesNo() : f.hasCar(),
                field.equals("electricityBillPkr") ? parse(Long::valueOf) : f.electricityBillPkr(),
                field.equals("gasBillPkr") ? parse(Long::valueOf) : f.gasBillPkr(),
                field.equals("monthlyExpensesPkr") ? parse(Long::valueOf) : f.monthlyExpensesPkr(), f.members());
    }

    private MemberForm member(MemberForm m, String name) {
        String v = value;
        return new MemberForm(m.cnic(), name.equals("fullName") ? v : m.fullName(),
                name.equals("relationship") ? v : m.relationship(), name.equals("gender") ? v : m.gender(),
                name.equals("dateOfBirth") ? parse(LocalDate::parse) : m.dateOfBirth(),
                name.equals("disability") ? yesNo() : m.disability(), name.equals("education") ? v : m.education(),
                name.equals("employment") ? v : m.employment(),
                name.equals("monthlyIncomePkr") ? parse(Long::valueOf) : m.monthlyIncomePkr());
    }

    /**
     * The value parsed to the field's type. Only ASCII text is parsed: Java's number parsers read
     * any script's digits ({@code ٢} as 2), and the rule set's numbers are ASCII, as in the CSV
     * template and JSON.
     */
    private <T> T parse(Function<String, T> parser) {
        String text = value.strip();
        if (!text.chars().allMatch(c -> c <= 0x7F)) {
            throw new CorrectionRejectedException("value", "Type", "is not of the field's type");
        }
        try {
            return parser.apply(text);
        }
        catch (NumberFormatException | DateTimeParseException ex) {
            throw new CorrectionRejectedException("value", "Type", "is not of the field's type");
        }
    }

    private Boolean yesNo() {
        return switch (value.strip()) {
            case "true", "Y" -> true;
            case "false", "N" -> false;
            default -> throw new CorrectionRejectedException("value", "Type", "must be true or false");
        };
    }

    @Override
    public String toString() {
        return "FieldCorrection[" + field + "]";
    }
}
