package dev.evalunit.task;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import dev.evalunit.source.SourcePosition;
import dev.evalunit.source.TaskFileException;

/**
 * The formats a dataset may have, each read row by row, so a dataset is never held as a whole:
 * JSON Lines (one JSON object a line) and CSV with a header (RFC 4180: commas, double quotes,
 * quoted fields may span lines). A row that cannot be read is handed on as a problem of that row,
 * and reading goes on with the next.
 */
enum DatasetFormat {

    /** {@code .jsonl}: one JSON object a line; blank lines are skipped. */
    JSON_LINES(false) {
        @Override
        void read(Reader reader, DatasetLocation location, Rows rows) throws IOException {
            BufferedReader lines = reader instanceof BufferedReader ? (BufferedReader) reader : new BufferedReader(reader);
            int lineNumber = 0;
            int number = 0;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                lineNumber++;
                if (lineNumber == 1 && line.startsWith(BYTE_ORDER_MARK)) {
                    line = line.substring(1);
                }
                if (line.isBlank()) {
                    continue;
                }
                number++;
                SourcePosition at = new SourcePosition(location.uri(), location.path(), lineNumber, 1);
                Map<String, JsonNode> columns;
                try {
                    columns = jsonObject(line);
                } catch (JsonProcessingException e) {
                    int column = e.getLocation() != null && e.getLocation().getColumnNr() > 0 ? e.getLocation().getColumnNr() : 1;
                    rows.problem(number, null, at.at(lineNumber, column), "the row is not valid JSON: "
                            + e.getOriginalMessage() + "; write each row as one JSON object on one line");
                    continue;
                } catch (NotAnObject e) {
                    rows.problem(number, null, at, "the row must be a JSON object of column names to values, such as"
                            + " {\"id\": \"INC-1\", \"summary\": \"...\"}; was " + e.what());
                    continue;
                }
                rows.row(new DatasetRow(number, at, columns));
            }
        }
    },

    /** {@code .csv}: a header, then one record a row; every value is text; blank lines are skipped. */
    CSV(true) {
        @Override
        void read(Reader reader, DatasetLocation location, Rows rows) throws IOException {
            CsvRecords records = new CsvRecords(reader);
            CsvRecords.Record header = records.next();
            if (header == null) {
                return;
            }
            if (header.problem() != null) {
                throw new TaskFileException(new SourcePosition(location.uri(), location.path(), header.line(),
                        header.column()), "the header " + header.problem());
            }
            List<String> columns = header.fields();
            if (!columns.isEmpty() && columns.get(0).startsWith(BYTE_ORDER_MARK)) {
                columns.set(0, columns.get(0).substring(1));
            }
            rows.columns(columns, new SourcePosition(location.uri(), location.path(), header.line(), 1));
            int number = 0;
            for (CsvRecords.Record record = records.next(); record != null; record = records.next()) {
                number++;
                SourcePosition at = new SourcePosition(location.uri(), location.path(), record.line(), 1);
                int idColumn = columns.indexOf(DatasetRow.ID_COLUMN);
                String id = idColumn >= 0 && idColumn < record.fields().size() && !record.fields().get(idColumn).isBlank()
                        ? record.fields().get(idColumn).strip() : null;
                if (record.problem() != null) {
                    rows.problem(number, id, at.at(record.line(), record.column()), "the row " + record.problem());
                } else if (record.fields().size() != columns.size()) {
                    rows.problem(number, id, at, "the row has " + record.fields().size() + " value"
                            + (record.fields().size() == 1 ? "" : "s") + " but the header names " + columns.size()
                            + " columns; give every row one value per column (quote values that hold commas)");
                } else {
                    Map<String, JsonNode> values = new LinkedHashMap<>();
                    for (int i = 0; i < columns.size(); i++) {
                        values.put(columns.get(i), TextNode.valueOf(record.fields().get(i)));
                    }
                    rows.row(new DatasetRow(number, at, values));
                }
            }
        }
    };

    /** What a dataset's rows are handed to, in order. */
    interface Rows {
        /** The columns a header names, before any row; not called for JSON Lines. */
        void columns(List<String> names, SourcePosition header);

        void row(DatasetRow row);

        /**
         * A row that could not be read: {@code problem} says what is wrong and what to do.
         *
         * @param id the row's id when it could be read despite the problem, else null
         */
        void problem(int number, String id, SourcePosition at, String problem);
    }

    private static final String BYTE_ORDER_MARK = "\uFEFF";

    /** jackson-core's streaming parser only: a row needs no ObjectMapper, whose classes take long to load. */
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /**
     * Reads one JSON Lines row into its columns, each value as a tree.
     *
     * @return the row's columns
     * @throws JsonProcessingException when the line is not valid JSON
     * @throws NotAnObject when it is a JSON value but not an object
     */
    private static Map<String, JsonNode> jsonObject(String line) throws IOException {
        try (JsonParser parser = JSON.createParser(line)) {
            JsonToken start = parser.nextToken();
            if (start != JsonToken.START_OBJECT) {
                throw new NotAnObject(start);
            }
            Map<String, JsonNode> columns = new LinkedHashMap<>();
            for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
                columns.put(name, value(parser, parser.nextToken()));
            }
            if (parser.currentToken() != JsonToken.END_OBJECT) {
                throw new JsonParseException(parser, "Unexpected token (" + parser.currentToken() + ") in the row's object");
            }
            JsonToken trailing = parser.nextToken();
            if (trailing != null) {
                throw new JsonParseException(parser, "Unexpected " + trailing + " after the row's object");
            }
            return columns;
        }
    }

    /** @return the value starting at {@code token}, a whole object or array included */
    private static JsonNode value(JsonParser parser, JsonToken token) throws IOException {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        switch (token) {
            case VALUE_STRING:
                return nodes.textNode(parser.getText());
            case VALUE_NUMBER_INT:
                return parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                        ? nodes.numberNode(parser.getBigIntegerValue()) : nodes.numberNode(parser.getLongValue());
            case VALUE_NUMBER_FLOAT:
                return nodes.numberNode(parser.getDoubleValue());
            case VALUE_TRUE:
                return nodes.booleanNode(true);
            case VALUE_FALSE:
                return nodes.booleanNode(false);
            case VALUE_NULL:
                return nodes.nullNode();
            case START_ARRAY:
                ArrayNode array = nodes.arrayNode();
                for (JsonToken item = parser.nextToken(); item != JsonToken.END_ARRAY; item = parser.nextToken()) {
                    array.add(value(parser, item));
                }
                return array;
            case START_OBJECT:
                ObjectNode object = nodes.objectNode();
                for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
                    object.set(name, value(parser, parser.nextToken()));
                }
                return object;
            default:
                throw new JsonParseException(parser, "Unexpected token (" + token + ")");
        }
    }

    /** A line that is valid JSON, but not an object. */
    private static final class NotAnObject extends IOException {

        private static final long serialVersionUID = 1L;

        private final transient JsonToken start;

        NotAnObject(JsonToken start) {
            this.start = start;
        }

        String what() {
            if (start == JsonToken.START_ARRAY) {
                return "an array";
            }
            if (start == JsonToken.VALUE_NULL) {
                return "null";
            }
            if (start == JsonToken.VALUE_TRUE || start == JsonToken.VALUE_FALSE) {
                return "a boolean";
            }
            if (start == JsonToken.VALUE_NUMBER_INT || start == JsonToken.VALUE_NUMBER_FLOAT) {
                return "a number";
            }
            return "a string";
        }
    }

    private final boolean textOnly;

    DatasetFormat(boolean textOnly) {
        this.textOnly = textOnly;
    }

    /**
     * @return whether every value is text, as in CSV: a value that fills a whole YAML value is
     *         then read the way YAML reads it unquoted ({@code 3} a number, {@code true} a boolean)
     */
    boolean textOnly() {
        return textOnly;
    }

    /**
     * @throws IOException when the dataset cannot be read at all
     * @throws TaskFileException when a CSV header is malformed
     */
    abstract void read(Reader reader, DatasetLocation location, Rows rows) throws IOException;

    /**
     * RFC 4180 records, with where each starts and the first thing wrong with it.
     *
     * <p>Not jackson-dataformat-csv: tried (2.22.4), it reads {@code ab"c} as the value {@code ab"c}
     * where RFC 4180 forbids a quote in an unquoted field, so a row whose quoting went wrong would be
     * scored as if it were data; and it ends the whole read at the first malformed row, where a
     * dataset must report that row and go on with the next.
     */
    static final class CsvRecords {

        /**
         * @param fields the record's values
         * @param line where the record starts
         * @param column where its problem is, when it has one
         * @param problem what is wrong with the record, as the end of a sentence ("has a quote ..."), or null
         */
        record Record(List<String> fields, int line, int column, String problem) {
        }

        private final Reader reader;
        private int line = 1;
        private int column;
        private int pending = -2;

        CsvRecords(Reader reader) {
            this.reader = reader;
        }

        private int read() throws IOException {
            int c;
            if (pending != -2) {
                c = pending;
                pending = -2;
            } else {
                c = reader.read();
            }
            column++;
            return c;
        }

        private void unread(int c) {
            pending = c;
            column--;
        }

        private void newLine() {
            line++;
            column = 0;
        }

        /** @return the next record that is not a blank line, or null at the end */
        Record next() throws IOException {
            while (true) {
                int start = line;
                List<String> fields = new ArrayList<>();
                StringBuilder field = new StringBuilder();
                boolean quoted = false;
                boolean closed = false;
                boolean any = false;
                int problemColumn = 0;
                String problem = null;
                int quoteLine = 0;
                while (true) {
                    int c = read();
                    if (c == -1) {
                        if (quoted && problem == null) {
                            problem = "has a quoted value opened at line " + quoteLine + " that never closes; end it with \"";
                            problemColumn = 1;
                        }
                        if (!any && fields.isEmpty() && field.length() == 0) {
                            return null;
                        }
                        fields.add(field.toString());
                        return new Record(fields, start, Math.max(problemColumn, 1), problem);
                    }
                    any = true;
                    if (quoted) {
                        if (c == '"') {
                            int next = read();
                            if (next == '"') {
                                field.append('"');
                            } else {
                                unread(next);
                                quoted = false;
                                closed = true;
                            }
                        } else {
                            field.append((char) c);
                            if (c == '\n') {
                                newLine();
                            } else if (c == '\r') {
                                int next = read();
                                if (next == '\n') {
                                    field.append('\n');
                                } else {
                                    unread(next);
                                }
                                newLine();
                            }
                        }
                    } else if (c == ',') {
                        fields.add(field.toString());
                        field.setLength(0);
                        closed = false;
                    } else if (c == '\n' || c == '\r') {
                        if (c == '\r') {
                            int next = read();
                            if (next != '\n') {
                                unread(next);
                            }
                        }
                        newLine();
                        if (fields.isEmpty() && field.length() == 0 && !closed) {
                            break; // a blank line: not a record
                        }
                        fields.add(field.toString());
                        return new Record(fields, start, Math.max(problemColumn, 1), problem);
                    } else if (c == '"') {
                        if (field.length() == 0 && !closed) {
                            quoted = true;
                            quoteLine = line;
                        } else if (problem == null) {
                            problem = closed ? "has a second quote after a quoted value; double a quote inside a"
                                    + " quoted value (\"\")" : "has a quote inside a value that does not start with one;"
                                    + " quote the whole value and double the quotes inside it (\"a \"\"b\"\" c\")";
                            problemColumn = column;
                            field.append('"');
                        }
                    } else {
                        if (closed && problem == null) {
                            problem = "has text after a quoted value; put the whole value inside the quotes";
                            problemColumn = column;
                        }
                        field.append((char) c);
                    }
                }
            }
        }
    }
}
