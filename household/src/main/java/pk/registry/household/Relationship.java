package pk.registry.household;

/** A member's relationship to the head of the household. */
public enum Relationship { HEAD, SPOUSE, SON, DAUGHTER, FATHER, MOTHER, BROTHER, SISTER, GRANDCHILD, OTHER }
