package dev.evalunit.report;

import org.apiguardian.api.API;

import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * What tokens cost per model, from {@code evalunit.prices}: {@code gpt-4o=2.50/10.00,...}, per million
 * tokens. The summary text, the budget and the HTML report price tokens with it, so they agree.
 *
 * @since 0.1.0
 */
@API(status = INTERNAL, since = "0.1.0")
public final class Prices {

    private record Price(double inputPerMillion, double outputPerMillion) {
    }

    private final Map<String, Price> byModel;

    private Prices(Map<String, Price> byModel) {
        this.byModel = byModel;
    }

    /** @return no prices: nothing has a cost */
    public static Prices none() {
        return new Prices(Map.of());
    }

    /**
     * @param text the prices, {@code MODEL=INPUT/OUTPUT,...}; never {@code null}
     * @param key the configuration key the text came from, named in the error
     * @return the prices
     * @throws IllegalArgumentException naming the key and the entry that does not parse
     */
    public static Prices parse(String text, String key) {
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
                throw new IllegalArgumentException(key + " entry \"" + entry.strip()
                        + "\" is not MODEL=INPUT/OUTPUT in prices per million tokens, e.g. gpt-4o=2.50/10.00");
            }
        }
        return new Prices(byModel);
    }

    /** @return whether no model has a price */
    public boolean isEmpty() {
        return byModel.isEmpty();
    }

    /** @return the cost of these tokens of {@code model}; empty when it has no price */
    public OptionalDouble cost(String model, long inputTokens, long outputTokens) {
        Price price = byModel.get(model);
        return price == null ? OptionalDouble.empty()
                : OptionalDouble.of((inputTokens * price.inputPerMillion + outputTokens * price.outputPerMillion) / 1e6);
    }

    /** @return a cost as the summary and the report print it, e.g. {@code 0.0060} */
    public static String money(double cost) {
        return String.format(Locale.ROOT, "%.4f", cost);
    }
}
