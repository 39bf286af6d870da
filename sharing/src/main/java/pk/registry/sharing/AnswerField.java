package pk.registry.sharing;

import pk.registry.kernel.DataCategory;

/**
 * The fixed allow-list of what an answer may hold; an agreement picks from it. Each field
 * belongs to the data category a purpose must be allowed to use.
 */
public enum AnswerField {

    /** Whether the person's household is eligible for the programme (score at or under its cut-off). */
    ELIGIBLE("eligible", DataCategory.SOCIO_ECONOMIC),
    /** The score's band of twenty: {@code 0-20}, {@code 20-40}, … (lower is poorer). */
    SCORE_BAND("scoreBand", DataCategory.SOCIO_ECONOMIC),
    /** How many members the household has. */
    HOUSEHOLD_SIZE("householdSize", DataCategory.HOUSEHOLD_COMPOSITION),
    /** The household's district. */
    DISTRICT("district", DataCategory.CONTACT),
    /** The CNIC asked about, masked: {@code 35202-*******-1}. */
    MASKED_CNIC("maskedCnic", DataCategory.IDENTITY),
    /** Whether the person is registered at all; only for agreements that explicitly allow it. */
    REGISTERED("registered", DataCategory.IDENTITY);

    private final String jsonName;
    private final DataCategory category;

    AnswerField(String jsonName, DataCategory category) {
        this.jsonName = jsonName;
        this.category = category;
    }

    /** The field's name in an answer. */
    public String jsonName() {
        return jsonName;
    }

    public DataCategory category() {
        return category;
    }

    /** The field with this name in an answer. */
    public static AnswerField ofJsonName(String name) {
        for (AnswerField field : values()) {
            if (field.jsonName.equals(name)) {
                return field;
            }
        }
        throw new IllegalArgumentException("not an answer field");
    }
}
