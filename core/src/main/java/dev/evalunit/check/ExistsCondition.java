package dev.evalunit.check;

/** The attribute is present, or absent. */
record ExistsCondition(boolean present) implements AttributeCondition {

    @Override
    public boolean test(Object value) {
        return (value != null) == present;
    }

    @Override
    public String describe() {
        return present ? "exists" : "does not exist";
    }
}
