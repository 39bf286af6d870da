package pk.registry.kernel;

/** The kinds of personal data the registry holds; every stored field belongs to one. */
public enum DataCategory {
    /** CNIC, name, date of birth, gender. */
    IDENTITY,
    /** Mobile, address. */
    CONTACT,
    /** Relationships within the household. */
    HOUSEHOLD_COMPOSITION,
    /** Income, employment, education, assets, dwelling, utilities, expenses. */
    SOCIO_ECONOMIC,
    /** Disability: a special category. */
    HEALTH
}
