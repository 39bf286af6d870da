package pk.registry.household;

public enum Employment { EMPLOYED, SELF_EMPLOYED, DAILY_WAGE, UNEMPLOYED, STUDENT, RETIRED, HOMEMAKER, CHILD }
