package pk.registry.household;

public enum Dwelling { OWNED, RENTED, RENT_FREE }
