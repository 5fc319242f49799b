package dev.evalunit.check;

/** The attribute's text form contains a text. */
record ContainsCondition(String text) implements AttributeCondition {

    @Override
    public boolean test(Object value) {
        return value != null && AttributeValues.text(value).contains(text);
    }

    @Override
    public String describe() {
        return "contains " + Excerpt.quote(text);
    }
}
