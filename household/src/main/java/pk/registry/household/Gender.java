package pk.registry.household;

public enum Gender { M, F, X }
