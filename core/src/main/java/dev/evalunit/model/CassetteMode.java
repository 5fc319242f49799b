package dev.evalunit.model;

import dev.evalunit.config.Constants;
import dev.evalunit.config.Settings;

import java.util.Locale;

/** What {@code evalunit.cassette} asks for. */
enum CassetteMode {
    OFF, RECORD, REPLAY;

    /** @throws IllegalArgumentException when the value is none of off, record, replay */
    static CassetteMode from(Settings settings) {
        String value = settings.get(Constants.CASSETTE_PROPERTY_NAME, Constants.CASSETTE_DEFAULT);
        switch (value.toLowerCase(Locale.ROOT)) {
            case Constants.CASSETTE_OFF: return OFF;
            case Constants.CASSETTE_RECORD: return RECORD;
            case Constants.CASSETTE_REPLAY: return REPLAY;
            default:
                throw new IllegalArgumentException("Configuration " + Constants.CASSETTE_PROPERTY_NAME + "=" + value
                        + " is not a cassette mode; use " + Constants.CASSETTE_RECORD + " (call the endpoint and save"
                        + " every exchange), " + Constants.CASSETTE_REPLAY + " (answer from the saved exchanges) or "
                        + Constants.CASSETTE_OFF);
        }
    }
}
