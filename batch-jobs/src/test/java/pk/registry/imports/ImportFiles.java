package pk.registry.imports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Builds template-v1 files for tests: valid households with fresh CNICs, changed one cell at a time. */
public final class ImportFiles {

    private static final AtomicLong SERIAL = new AtomicLong(System.nanoTime() % 100_000_000L * 100);

    final List<Map<String, String>> rows = new ArrayList<>();

    static String cnic(char gender) {
        long serial = SERIAL.incrementAndGet() % 10_000_000_000L;
        String body = "34" + String.format("%010d", serial);
        return body.substring(0, 5) + "-" + body.substring(5, 12) + "-" + (gender == 'F' ? 4 : 7);
    }

    static String mobile() {
        return "0345" + String.format("%07d", SERIAL.incrementAndGet() % 10_000_000L);
    }

    /** Adds a valid household of three (head, spouse, child) and returns its rows for changing. */
    public List<Map<String, String>> household(String ref) {
        Map<String, String> head = new LinkedHashMap<>();
        head.put("household_ref", ref);
        head.put("cnic", cnic('M'));
        head.put("full_name", "Rashid Mehmood");
        head.put("relationship", "HEAD");
        head.put("gender", "M");
        head.put("date_of_birth", "1979-05-05");
        head.put("disability", "N");
        head.put("education", "MIDDLE");
        head.put("employment", "DAILY_WAGE");
        head.put("monthly_income_pkr", "28000");
        head.put("district", "Lahore");
        head.put("tehsil", "Raiwind");
        head.put("address", "Mohalla Islampura Street 7");
        head.put("mobile", mobile());
        head.put("dwelling", "RENTED");
        head.put("rooms", "2");
        head.put("land_acres", "0.25");
        head.put("livestock", "3");
        head.put("has_motorcycle", "Y");
        head.put("has_car", "N");
        head.put("electricity_bill_pkr", "4200");
        head.put("gas_bill_pkr", "900");
        head.put("monthly_expenses_pkr", "35000");
        head.put("consent_policy_version", "2025-01");
        head.put("consent_purposes", "IDENTITY_VERIFICATION;ELIGIBILITY_ASSESSMENT");
        head.put("consent_obtained_on", "2025-06-01");
        Map<String, String> spouse = person(ref, cnic('F'), "Shazia Rashid", "SPOUSE", "F", "1983-02-02");
        Map<String, String> child = person(ref, "", "Bilal Rashid", "SON", "M", "2016-09-09");
        List<Map<String, String>> household = List.of(head, spouse, child);
        rows.addAll(household);
        return household;
    }

    static Map<String, String> person(String ref, String cnic, String name, String relationship, String gender, String born) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("household_ref", ref);
        row.put("cnic", cnic);
        row.put("full_name", name);
        row.put("relationship", relationship);
        row.put("gender", gender);
        row.put("date_of_birth", born);
        return row;
    }

    /** The line in the file of a row (the header is line 1). */
    long line(Map<String, String> row) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i) == row) {
                return i + 2;
            }
        }
        throw new IllegalArgumentException("not a row of this file");
    }

    /** A row's cells past the header's last column, if it has any: put into the row under this key. */
    public static final String BEYOND_HEADER = "(beyond the header)";

    public String csv() {
        StringBuilder csv = new StringBuilder(TemplateV1.headerLine()).append("\r\n");
        for (Map<String, String> row : rows) {
            List<String> cells = new ArrayList<>();
            for (String column : TemplateV1.columns()) {
                String value = row.getOrDefault(column, "");
                cells.add(value.contains(",") || value.contains("\"") ? "\"" + value.replace("\"", "\"\"") + "\"" : value);
            }
            if (row.containsKey(BEYOND_HEADER)) {
                cells.add(row.get(BEYOND_HEADER));
            }
            csv.append(String.join(",", cells)).append("\r\n");
        }
        return csv.toString();
    }
}
