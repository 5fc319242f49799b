package dev.evalunit.check;

import java.util.regex.Pattern;

/** The attribute's text form matches a regular expression in full. */
record MatchesCondition(Pattern regex) implements AttributeCondition {

    @Override
    public boolean test(Object value) {
        return value != null && regex.matcher(AttributeValues.text(value)).matches();
    }

    @Override
    public String describe() {
        return "matches /" + regex.pattern() + "/";
    }
}
