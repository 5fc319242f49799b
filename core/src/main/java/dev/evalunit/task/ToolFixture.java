package dev.evalunit.task;

import org.apiguardian.api.API;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.internal.JsonSchemaElementJsonUtils;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchemaElement;

import java.util.Map;
import java.util.Objects;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

/**
 * A tool offered to the model, and the fixed result the engine returns when the model calls it.
 *
 * @param name the tool's name, as the model calls it; never {@code null}
 * @param description what the tool does, shown to the model; never {@code null}, may be empty
 * @param parameters the JSON Schema of the arguments, as parsed JSON (maps, lists, scalars); never {@code null}
 * @param result what a call returns to the model: the text as written, or the JSON of a structured value; never {@code null}
 * @since 0.1.0
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public record ToolFixture(String name, String description, Map<String, Object> parameters, String result) {

    public ToolFixture {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        parameters = Map.copyOf(Objects.requireNonNull(parameters, "parameters"));
        Objects.requireNonNull(result, "result");
    }

    /**
     * @return the tool as LangChain4j describes it to a model
     * @throws IllegalArgumentException when {@code parameters} is not a JSON Schema of an object
     */
    public ToolSpecification specification() {
        ToolSpecification.Builder builder = ToolSpecification.builder().name(name);
        if (!description.isEmpty()) {
            builder.description(description);
        }
        if (!parameters.isEmpty()) {
            // LangChain4j's own converter, so the schema reaches every provider the way its own tools do.
            JsonSchemaElement schema = JsonSchemaElementJsonUtils.fromMap(parameters);
            if (!(schema instanceof JsonObjectSchema)) {
                throw new IllegalArgumentException("parameters must be a JSON Schema with type: object, was "
                        + parameters.get("type"));
            }
            builder.parameters((JsonObjectSchema) schema);
        }
        return builder.build();
    }
}
