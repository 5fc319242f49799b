package dev.evalunit.junit.engine;

import dev.evalunit.config.Constants;

import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/** What tokens cost per model, from {@code evalunit.prices}: {@code gpt-4o=2.50/10.00,...}, per million tokens. */
final class Prices {

    private record Price(double inputPerMillion, double outputPerMillion) {
    }

    private final Map<String, Price> byModel;

    private Prices(Map<String, Price> byModel) {
        this.byModel = byModel;
    }

    static Prices none() {
        return new Prices(Map.of());
    }

    /** @throws IllegalArgumentException naming the key and the entry that does not parse */
    static Prices parse(String text) {
        Map<String, Price> byModel = new TreeMap<>();
        for (String entry : text.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            int equals = entry.lastIndexOf('=');
            String[] parts = equals < 0 ? new String[0] : entry.substring(equals + 1).split("/");
            try {
                if (equals < 1 || parts.length != 2) {
                    throw new NumberFormatException();
                }
                Price price = new Price(Double.parseDouble(parts[0].strip()), Double.parseDouble(parts[1].strip()));
                if (!(price.inputPerMillion >= 0) || !(price.outputPerMillion >= 0)) {
                    throw new NumberFormatException();
                }
                byModel.put(entry.substring(0, equals).strip(), price);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(Constants.PRICES_PROPERTY_NAME + " entry \"" + entry.strip()
                        + "\" is not MODEL=INPUT/OUTPUT in prices per million tokens, e.g. gpt-4o=2.50/10.00");
            }
        }
        return new Prices(byModel);
    }

    boolean isEmpty() {
        return byModel.isEmpty();
    }

    /** @return the cost of these tokens of {@code model}; empty when it has no price */
    OptionalDouble cost(String model, long inputTokens, long outputTokens) {
        Price price = byModel.get(model);
        return price == null ? OptionalDouble.empty()
                : OptionalDouble.of((inputTokens * price.inputPerMillion + outputTokens * price.outputPerMillion) / 1e6);
    }

    static String money(double cost) {
        return String.format(Locale.ROOT, "%.4f", cost);
    }
}
