package dev.evalunit.check;

import java.util.List;

/** The attribute is an array whose elements, in order, each equal (typed, as {@link EqualsCondition}) one given. */
record ArrayEqualsCondition(List<EqualsCondition> elements) implements AttributeCondition {

    ArrayEqualsCondition {
        elements = List.copyOf(elements);
    }

    @Override
    public boolean test(Object value) {
        if (!(value instanceof List<?> actual) || actual.size() != elements.size()) {
            return false;
        }
        for (int i = 0; i < elements.size(); i++) {
            if (!elements.get(i).test(actual.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String describe() {
        return "= " + AttributeValues.text(elements.stream().map(EqualsCondition::scalar).toList());
    }
}
