package dev.evalunit.task;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;
import java.util.Objects;
import dev.evalunit.source.SourcePosition;

/**
 * One row of a dataset: its values by column, and where it is.
 *
 * @param number the row's number among the dataset's rows, from 1 (a CSV header is not a row)
 * @param at the row's first line in the dataset file, column 1
 * @param columns the row's values by column name: JSON values for JSON Lines, text for CSV
 */
record DatasetRow(int number, SourcePosition at, Map<String, JsonNode> columns) {

    /** The column that names a row; without it, a row is named by its number. */
    static final String ID_COLUMN = "id";

    DatasetRow {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(columns, "columns");
    }

    /** @return the row's id: its id column when it has a value (text or a number), else its number */
    String id() {
        JsonNode id = columns.get(ID_COLUMN);
        String text = id != null && (id.isTextual() || id.isNumber()) ? id.asText().strip() : "";
        return text.isEmpty() ? Integer.toString(number) : text;
    }
}
