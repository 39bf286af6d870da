package pk.registry.household;

public enum Education { NONE, PRIMARY, MIDDLE, MATRIC, INTERMEDIATE, GRADUATE, POSTGRADUATE }
