package pk.registry.consent;

/** How consent was collected. */
public enum ConsentMethod { ONLINE, FIELD_FORM }
