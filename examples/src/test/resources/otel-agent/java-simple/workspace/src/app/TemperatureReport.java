package app;

import java.util.List;

/** Converts a fixed batch of Celsius readings to Fahrenheit and skips the ones that are not numbers. */
public class TemperatureReport {

    static final List<String> READINGS = List.of("21.5", "-3.0", "abc", "37.0");

    public static void main(String[] args) {
        int converted = 0;
        for (String reading : READINGS) {
            try {
                double fahrenheit = convert(reading);
                System.out.printf("%s C = %.1f F%n", reading, fahrenheit);
                converted++;
            } catch (NumberFormatException e) {
                System.out.println("skipped " + reading + ": not a number");
            }
        }
        System.out.println("converted " + converted + " of " + READINGS.size() + " readings");
    }

    static double convert(String reading) {
        double celsius = Double.parseDouble(reading);
        return celsius * 9 / 5 + 32;
    }
}
